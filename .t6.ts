import { createAnalyzer } from './src/text/analyze.ts';
const analyzer = createAnalyzer();
for (const t of ['के एस एस एस सी आई के निदेशक','আই আই টি খড়্গপুর','प्रो. सी.एम. सिंह','Prof. C.M. Singh']) console.log(t, analyzer.words(t).map(w => `${w.raw}:${w.letter ?? ''}:${w.acronym ?? ''}`).join(' '));
