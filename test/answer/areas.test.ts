// Areas of a collaboration named in sentences of the four languages, and their names for each asker.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { areaLabel, findAreas } from '../../src/answer/areas.ts';

const ids = (sentence: string) => findAreas(sentence).map((a) => a.id);

describe('findAreas', () => {
  test('English: areas in text order, each once', () => {
    assert.deepEqual(ids('The MoU covers research, the prevention of cancer and research on vaccines.'), [
      'research',
      'prevention',
      'cancer',
      'vaccine-trials',
    ]);
  });

  test('Hindi: inflected forms', () => {
    assert.deepEqual(ids('समझौते में रोकथाम, निदान और उपचार के लिए नई तकनीकों का विकास शामिल है।'), [
      'prevention',
      'diagnosis',
      'treatment',
      'new-technologies',
    ]);
  });

  test('Bengali: a two-word area beats its parts', () => {
    assert.deepEqual(ids('লক্ষ্য মহিলাদের ক্ষমতায়ন এবং কর্মসংস্থান বৃদ্ধি।'), ['women-empowerment', 'employment']);
  });

  test('Russian: case forms, and "annual" a few words before its area', () => {
    const areas = findAreas('Создание ежегодного совместного гранта и программы двойного диплома.');
    assert.deepEqual(
      areas.map((a) => a.id),
      ['grants', 'double-degree'],
    );
    assert.equal(areas[0]!.annual, true);
    assert.equal(areaLabel(areas[0]!, 'en'), 'annual grant');
    assert.equal(areaLabel(areas[0]!, 'ru'), 'ежегодный грант');
  });

  test('nothing named: no areas', () => {
    assert.deepEqual(ids('The ceremony took place on Monday.'), []);
  });
});

describe('areaLabel', () => {
  test('each language has its own name', () => {
    assert.deepEqual(
      (['en', 'hi', 'bn', 'ru'] as const).map((l) => areaLabel({ id: 'food-safety' }, l)),
      ['food safety', 'खाद्य सुरक्षा', 'খাদ্য নিরাপত্তা', 'безопасность пищевых продуктов'],
    );
  });
});
