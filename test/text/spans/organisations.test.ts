import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findOrganisations, institutionKinds } from '../../../src/text/spans/organisations.ts';

const orgs = (text: string, institutions: string[] = []) =>
  findOrganisations(text, { institutions }).map((s) => s.text);

describe('findOrganisations', () => {
  test('capitalized runs around an institution word, with connectors', () => {
    assert.deepEqual(orgs('The course is backed by the Society for Rural Health and the Pune City Hospital.'), [
      'Society for Rural Health',
      'Pune City Hospital',
    ]);
  });

  test("the article's own parties, in any script", () => {
    assert.deepEqual(orgs('সহায়তা করবে নর্থ ক্লিনিক ট্রাস্ট।', ['নর্থ ক্লিনিক ট্রাস্ট']), ['নর্থ ক্লিনিক ট্রাস্ট']);
  });

  test('quoted names', () => {
    assert.ok(orgs('ক্যাম্পাসেই ‘সেন্টার ফর রুরাল কেয়ার’ গড়ে তোলা হবে।').includes('সেন্টার ফর রুরাল কেয়ার'));
  });

  test('Russian adjective + noun phrases', () => {
    assert.ok(
      orgs('Ректор Казанского медицинского университета выступил.').includes('Казанского медицинского университета'),
    );
  });

  test('the kind of an organisation, for "which hospitals"', () => {
    assert.deepEqual(institutionKinds('Pune City Hospital'), ['hospital']);
    assert.deepEqual(institutionKinds('Society for Rural Health'), ['organisation']);
  });
});
