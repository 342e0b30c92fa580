import { createAnalyzer } from './src/text/analyze.ts';
import { findAliases } from './src/text/aliases.ts';
import { readFileSync, readdirSync } from 'node:fs';
const a = createAnalyzer();
for (const f of readdirSync('/work/shared/seeds')) console.log(f, findAliases(readFileSync('/work/shared/seeds/'+f,'utf8'), a));
console.log(findAliases('The Kalyan Singh Super Speciality Cancer Institute (KSSSCI) and the Indian Institute of Technology (I.I.T.) and कल्याण सिंह सुपर स्पेशियलिटी कैंसर संस्थान (के एस एस एस सी आई)', a));
