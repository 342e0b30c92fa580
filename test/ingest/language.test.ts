import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from '../../src/ingest/language.ts';
import { dominantScript } from '../../src/text/script.ts';

describe('detectLanguage', () => {
  test('Hindi, Bengali and Russian by script', () => {
    assert.equal(detectLanguage('कल्याण सिंह सुपर स्पेशियलिटी कैंसर संस्थान ने समझौता ज्ञापन पर हस्ताक्षर किए।'), 'hi');
    assert.equal(detectLanguage('আইআইটি খড়্গপুরে প্রশিক্ষণ দেওয়া হবে।'), 'bn');
    assert.equal(detectLanguage('Медвузы России и КНР договорились о сотрудничестве.'), 'ru');
  });

  test('English by franc, mapped to ISO 639-1', () => {
    assert.equal(
      detectLanguage(
        'IIT-Kharagpur on Saturday signed an agreement with AIIMS-Kalyani for collaboration in education, research and medical services.',
      ),
      'en',
    );
  });

  test('other Latin-script languages are recognised too', () => {
    assert.equal(
      detectLanguage(
        "L'université a signé un accord de coopération avec l'hôpital pour la recherche et la formation des médecins.",
      ),
      'fr',
    );
    assert.equal(
      detectLanguage(
        'Die Universität hat mit dem Krankenhaus eine Vereinbarung über die Zusammenarbeit in Forschung und Lehre unterzeichnet.',
      ),
      'de',
    );
  });

  test('the majority script wins in mixed text (English acronyms in a Hindi article)', () => {
    assert.equal(detectLanguage('IIT Kanpur और SGPGI के बीच MoU पर हस्ताक्षर हुए, दोनों संस्थान मिलकर अनुसंधान करेंगे।'), 'hi');
    assert.equal(dominantScript('HKUST и РКАМУ подписали соглашение'), 'cyrillic');
  });

  test('short Latin text falls back to English; text without letters is undetermined', () => {
    assert.equal(detectLanguage('MoU signed'), 'en');
    assert.equal(detectLanguage('2023-07-01 — 150'), 'und');
  });
});
