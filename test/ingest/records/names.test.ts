import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nameForms, sameParty } from '../../../src/ingest/records/names.ts';

test('one institute written in Bengali, Hindi, English and as a short form is one party', () => {
  const forms = [
    'আইআইটি খড়্গপুর',
    'आईआईटी खड़गपुर',
    'IIT Kharagpur',
    'IIT KGP',
    'IIT-Kharagpur',
    'Indian Institute of Technology Kharagpur',
  ];
  for (const a of forms) for (const b of forms) assert.ok(sameParty(a, b), `${a} = ${b}`);
});

test('"Long Name (ACR)" is both forms; a parenthesis that only qualifies the name is not', () => {
  assert.ok(sameParty('Tamsin Valley Institute of Marine Sciences (TVIMS)', 'TVIMS'));
  assert.ok(sameParty('ইন্ডিয়ান ইনস্টিটিউট অফ টেকনোলজি (আইআইটি) বরোদা', 'IIT Baroda'));
  assert.deepEqual(nameForms('Vellmar University (Lisbon)'), ['Vellmar University']);
  assert.equal(sameParty('Vellmar University (Lisbon)', 'Lisbon'), false);
  assert.equal(sameParty('Orwen Heart Hospital (IIT Baroda)', 'IIT Baroda'), false);
});

test('acronyms across scripts: Cyrillic, Devanagari and Bengali letter names, English initials', () => {
  assert.ok(sameParty('Северо-Западная ассоциация медицинских колледжей (СЗАМК)', 'СЗАМК'));
  assert.ok(
    sameParty(
      'Kama-Volga Association of Medical Colleges (KVAMC)',
      'Камско-Волжская ассоциация медицинских колледжей (КВАМК)',
    ),
  );
  assert.ok(sameParty('एएमटीसी', 'Arden Medical Training Centre (AMTC)'));
  assert.ok(sameParty('All India Institute of Medical Sciences Dorapur', 'AIIMS Dorapur'));
});

test('transliterated and translated names meet: inflected Russian, Hindi word order', () => {
  assert.ok(sameParty('Veresk University', 'Вересковского университета'));
  assert.ok(sameParty('Lorvan Medical University', 'Лорванский медицинский университет'));
  assert.ok(sameParty('Dr. Ravi Kant Mehra Institute of Medical Sciences', 'डॉ रवि कांत मेहरा आयुर्विज्ञान संस्थान'));
  assert.ok(sameParty('Foundation for Innovations in Health', 'ফাউন্ডেশন ফর ইনোভেশন্স ইন হেলথ'));
});

test('different institutions stay apart', () => {
  assert.equal(sameParty('IIT Kanpur', 'IIT Kharagpur'), false);
  assert.equal(sameParty('AIIMS Dorapur', 'AIIMS Bhubaneswar'), false);
  assert.equal(sameParty('Veresk University', 'Veresk University School of Medicine'), false);
  assert.equal(
    sameParty('The First Affiliated Hospital, Veresk University', 'The Second Affiliated Hospital, Veresk University'),
    false,
  );
  assert.equal(
    sameParty('The Chinese University of Hong Kong', 'The Hong Kong University of Science and Technology'),
    false,
  );
  assert.equal(
    sameParty('Indian Institute of Technology Dorapur', 'All India Institute of Medical Sciences Dorapur'),
    false,
  );
  assert.equal(sameParty('KGMU', 'Казанский государственный медицинский университет'), false);
});
