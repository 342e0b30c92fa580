import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanArticleText } from '../../src/ingest/clean.ts';
import { sourceFromRemovedLines } from '../../src/ingest/byline.ts';

const PARAGRAPH =
  'The two institutes signed a memorandum of understanding on research, teaching and clinical training, and ' +
  'agreed to exchange faculty members and students over the next five years.';

/** The publication a plain-text page yields: headline, then `under`, then the article. */
function sourceOf(headline: string, under: string, paragraph = PARAGRAPH): string | undefined {
  const { removed } = cleanArticleText(`${headline}\n\n${under}\n\n${paragraph}\n\n${paragraph}`);
  return sourceFromRemovedLines(removed);
}

describe('the publication of a plain-text page', () => {
  test('a byline with fields names the agency', () => {
    assert.equal(
      sourceOf('Institute signs agreement with hospital', 'Press Trust of India | July 1, 2023 | 09:52 PM IST'),
      'Press Trust of India',
    );
  });

  test('a short name under the headline in the same script is the masthead, in any script', () => {
    assert.equal(
      sourceOf('Institute signs agreement with the city hospital', 'Health Desk Times'),
      'Health Desk Times',
    );
    assert.equal(
      sourceOf(
        'संस्थान और अस्पताल के बीच समझौता हस्ताक्षरित',
        'स्वास्थ्य समाचार',
        'लखनऊ। संस्थान और अस्पताल ने आज कैंसर देखभाल, अनुसंधान और प्रशिक्षण के लिए एक समझौता ज्ञापन पर हस्ताक्षर किए और अगले पांच वर्षों तक संकाय सदस्यों का आदान-प्रदान करने पर सहमति जताई।',
      ),
      'स्वास्थ्य समाचार',
    );
  });

  test('no masthead from a single word, a line in another script, digits or a sentence', () => {
    assert.equal(sourceOf('Institute signs agreement with the city hospital', 'Share'), undefined);
    assert.equal(sourceOf('Institute signs agreement with the city hospital', 'स्वास्थ्य समाचार'), undefined);
    assert.equal(sourceOf('Institute signs agreement with the city hospital', 'Updated 2 hours ago'), undefined);
    assert.equal(sourceOf('Institute signs agreement with the city hospital', 'Read more here.'), undefined);
  });
});
