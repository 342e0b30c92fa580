import { createAnalyzer } from './src/text/analyze.ts';
const a = createAnalyzer();
for (const t of ['केएसएसएससीआई और आरएमएलआईएमएस के बीच समझौता ज्ञापन (एमओयू) कब हुआ?', 'आईआईटी / আইআইটি খড়্গপুরের এনএসকিউএফ-এর ১৫০ জনকে', 'के एस एस एस सी आई, प्रो. सी.एम. सिंह', 'Which hospitals did HKUST’s team sign MoUs with? C.M. Singh of IIT-Kharagpur', 'Кто подписал коммюнике с российской стороны? Глыбочко, Гуанчжоу, РКАМУ', 'আরও কিছু কোর্স']) {
  console.log(t); for (const w of a.words(t)) console.log('  ', w.raw, w.stopword?'STOP':'', w.acronym??'', w.terms.join(','), w.keys.join(','), w.concepts.join(','), w.generic?'g':'');
}
