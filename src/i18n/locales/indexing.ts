// What the index side tells a bot user (an admin running /reindex).
import type { Namespace } from '../index.ts';

export const indexing: Namespace<'shrinkRefused'> = {
  en: {
    shrinkRefused:
      'The reindex was refused: it would remove {{removed}} of the {{before}} indexed articles. Check that the corpus folder is the right one and that its disk is mounted; to remove them anyway, run `npm run reindex -- --allow-shrink` on the bot’s server.',
  },
  hi: {
    shrinkRefused:
      'रीइंडेक्स रोक दिया गया: इससे इंडेक्स किए गए {{before}} लेखों में से {{removed}} हट जाते। जाँच लें कि लेखों का फ़ोल्डर सही है और उसकी डिस्क जुड़ी हुई है; फिर भी उन्हें हटाना हो तो बॉट के सर्वर पर `npm run reindex -- --allow-shrink` चलाएँ।',
  },
  bn: {
    shrinkRefused:
      'রিইনডেক্স বাতিল করা হয়েছে: এতে ইনডেক্স করা {{before}}টি নিবন্ধের মধ্যে {{removed}}টি মুছে যেত। নিবন্ধের ফোল্ডারটি ঠিক কি না এবং তার ডিস্কটি যুক্ত আছে কি না দেখে নিন; তবুও মুছতে চাইলে বটের সার্ভারে `npm run reindex -- --allow-shrink` চালান।',
  },
  ru: {
    shrinkRefused:
      'Переиндексация отклонена: она удалила бы {{removed}} из {{before}} проиндексированных статей. Проверьте, что папка со статьями указана верно и её диск подключён; чтобы всё же удалить их, запустите `npm run reindex -- --allow-shrink` на сервере бота.',
  },
};
