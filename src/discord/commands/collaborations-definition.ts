// The /collaborations slash command definition (kept apart from its handler, like definitions.ts).
import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { TOPICS } from '../../service/types.ts';

/** /collaborations [party] [topic] [since] [until]: the registry, filtered, one page at a time. */
export function collaborationsDefinition(): SlashCommandBuilder {
  const builder = new SlashCommandBuilder()
    .setName('collaborations')
    .setDescription('List the collaboration records: parties, kind, date, place, areas, with their articles.')
    .setDescriptionLocalizations({
      'en-US': 'List the collaboration records: parties, kind, date, place, areas, with their articles.',
      'en-GB': 'List the collaboration records: parties, kind, date, place, areas, with their articles.',
      hi: 'सहयोगों की सूची: पक्ष, प्रकार, तारीख, स्थान, क्षेत्र और उनके लेख।',
      ru: 'Список соглашений: стороны, вид, дата, место, направления и статьи.',
    })
    .setContexts([InteractionContextType.Guild]);
  builder.addStringOption((option) =>
    option
      .setName('party')
      .setDescription('An institution, in any script or short form (IIT KGP, आईआईटी खड़गपुर…)')
      .setDescriptionLocalizations({
        'en-US': 'An institution, in any script or short form (IIT KGP, आईआईटी खड़गपुर…)',
        'en-GB': 'An institution, in any script or short form (IIT KGP, आईआईटी खड़गपुर…)',
        hi: 'कोई संस्था, किसी भी लिपि या संक्षिप्त रूप में',
        ru: 'Организация, в любой записи или сокращении',
      })
      .setAutocomplete(true)
      .setMaxLength(100),
  );
  builder.addStringOption((option) =>
    option
      .setName('topic')
      .setDescription('An area of the collaboration')
      .setDescriptionLocalizations({
        'en-US': 'An area of the collaboration',
        'en-GB': 'An area of the collaboration',
        hi: 'सहयोग का क्षेत्र',
        ru: 'Направление сотрудничества',
      })
      .addChoices(
        ...TOPICS.map((topic) => ({
          name: topic.label.en,
          value: topic.id,
          name_localizations: { hi: topic.label.hi, ru: topic.label.ru },
        })),
      ),
  );
  builder.addStringOption((option) =>
    option
      .setName('since')
      .setDescription('From this date: YYYY, YYYY-MM or YYYY-MM-DD')
      .setDescriptionLocalizations({
        'en-US': 'From this date: YYYY, YYYY-MM or YYYY-MM-DD',
        'en-GB': 'From this date: YYYY, YYYY-MM or YYYY-MM-DD',
        hi: 'इस तारीख से: YYYY, YYYY-MM या YYYY-MM-DD',
        ru: 'С даты: ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД',
      })
      .setMaxLength(10),
  );
  builder.addStringOption((option) =>
    option
      .setName('until')
      .setDescription('Until this date: YYYY, YYYY-MM or YYYY-MM-DD')
      .setDescriptionLocalizations({
        'en-US': 'Until this date: YYYY, YYYY-MM or YYYY-MM-DD',
        'en-GB': 'Until this date: YYYY, YYYY-MM or YYYY-MM-DD',
        hi: 'इस तारीख तक: YYYY, YYYY-MM या YYYY-MM-DD',
        ru: 'По дату: ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД',
      })
      .setMaxLength(10),
  );
  return builder;
}
