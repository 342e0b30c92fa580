// Function words and question words of the four languages. They are not indexed and never count as
// evidence that an article answers a question. Folded forms (lower case, nukta removed).
// Source: the Snowball stopword lists for English and Russian (snowballstem.org, abridged), and for Hindi
// and Bengali the high-frequency function words of the corpus languages (postpositions, auxiliaries,
// pronouns, question words), written by hand for this project; hashed into ANALYZER_VERSION.
import { foldText } from './fold.ts';

const ENGLISH = `a an the and or but of in on at to for from by with without about into over under between among
through during before after as is are was were be been being has have had do does did will would shall should can
could may might must this that these those it its it's they them their there here what which who whom whose when
where why how many much any some all each every other another than then so such not no nor only also very just
i me my we our you your he him his she her us if whether while until since via per up down out off again more most
tell give show list name please know`;

const RUSSIAN = `и в во не что он она оно они на я с со как а то все всё так его её ее их но да ты к у же вы за бы по
только мне было вот от меня о об из ему теперь когда даже ну ли если уже или ни быть был была были было него до вас
нибудь опять уж вам ведь там потом себя ничего ей может тут где есть надо ней для мы тебя чем была сам чтоб без
будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем
чтобы нее сейчас какая какие каких каким какими какое какую который которая которые которых ли сколько зачем почему
куда откуда чей чья чьи этой эти эту это этих при между также более над через после перед`;

const HINDI = `का के की को में से पर ने है हैं था थी थे हो होता होती होते हुआ हुई हुए और या तथा एवं कि जो यह वह ये वे इस उस इन
उन इसे उसे किस किन किसने कौन क्या कब कहाँ कहां क्यों कैसे कितना कितने कितनी भी तो ही लिए द्वारा साथ बाद पहले तक
गया गई गए कर करने करता करते करती किया किए किये रहा रही रहे एक सभी सब अपने अपनी अपना बीच ओर ऑफ एंड ऐंड`;

const BENGALI = `এবং ও আর বা কিন্তু যে যা এই সেই ওই এ সে তা তার তাদের তিনি তারা এটা এটি ওটা কি কী কে কারা কাকে কার কাদের
কোন কোনো কোথায় কবে কখন কেন কীভাবে কিভাবে কত কতজন হয় হয়েছে হয়েছিল হবে ছিল ছিলেন করে করা করবে করেছে করেন
এর ের র অফ অ্যান্ড দিয়ে থেকে জন্য সঙ্গে সাথে মধ্যে পর আগে পরে হতে না নয় নেই এক একটি সব সকল নিয়ে দেবে দেয় দেন`;

/** The stopword lists, for the analyzer version hash. */
export const STOPWORD_TABLES = { ENGLISH, RUSSIAN, HINDI, BENGALI };

/** The folded stopwords of English, Russian, Hindi and Bengali. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  [ENGLISH, RUSSIAN, HINDI, BENGALI].flatMap((list) => list.split(/\s+/).filter(Boolean).map(foldText)),
);

export function isStopword(foldedWord: string): boolean {
  return STOPWORDS.has(foldedWord);
}
