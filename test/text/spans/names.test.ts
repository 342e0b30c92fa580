import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findPersons } from '../../../src/text/spans/names.ts';

const names = (text: string) => findPersons(text).map((s) => s.text);

describe('findPersons', () => {
  test('English honorifics and roles, upper-case surnames included', () => {
    assert.deepEqual(names('The MoU was signed by Director Dr Anil Mehta and Registrar Prof. LI Wei.'), [
      'Anil Mehta',
      'LI Wei',
    ]);
  });

  test('Hindi titles, initials and a name ended by a postposition', () => {
    assert.deepEqual(names('कुलपति प्रो. आर.के. वर्मा और निदेशक डॉ. सीमा राव ने हस्ताक्षर किए।'), ['आर.के. वर्मा', 'सीमा राव']);
  });

  test('Bengali titles, a name ended by a verb of saying', () => {
    assert.deepEqual(names('উপাচার্য অধ্যাপক অমিত সেন বলেন, নতুন কোর্স চালু হবে।'), ['অমিত সেন']);
  });

  test('Russian titles, with an organisation acronym between title and name', () => {
    assert.deepEqual(names('Документ подписал ректор университета, академик РАН Иван Петров.'), ['Иван Петров']);
  });

  test('a title before an institution name is not a person', () => {
    assert.deepEqual(names('He visited the Dr Rao Memorial Hospital on Monday.'), []);
    assert.deepEqual(names('निदेशक डॉ. एआईआईएमएस के प्रतिनिधि थे।').includes('एआईआईएमएस'), false);
  });
});
