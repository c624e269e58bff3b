// Demo translations: moderators' translations of the demo content, so a reader of another UN language meets
// translated calls and messages after `npm start`. The open call is in Spanish and Arabic; the published
// draft messages are in Spanish (versions 1 and 2) and Arabic (version 2); the final messages of last year's
// call are in Arabic, French and Chinese. French is left out of the open call and of the draft messages on
// purpose: a browser test has a moderator add it through the editor (tests/e2e/translations.spec.ts).
//
// The texts are data, kept by position (questions and glossary terms 1, 2, …; sections and their paragraphs
// in reading order) and mapped at seed time to the ids the database gave. Each translation is checked
// against the original with the editor's own schema (lib/translations/texts.ts), so it is complete and
// within the original's limits; a count that no longer matches the demo content stops the seed with a
// clear error. The vocabulary follows lib/i18n/GLOSSARY.md.
//
// Seed-owned, like the glossary: upserted by (callId, locale) and (versionId, locale) on every run, so a
// second run adds nothing and an edited translation is reset to this text. A final version's translation is
// only created, never changed, as the editor allows. A question or term people added later is left out and
// reads in the original. Attributed to the demo moderator when that account exists.
import { type Locale } from "@/lib/i18n/config";
import { versionContentSchema } from "@/lib/messages/content";
import {
  callField,
  callTranslationColumns,
  callTranslationSchema,
  versionField,
  versionTranslationColumns,
  versionTranslationSchema,
  type CallOriginal,
  type VersionOriginal,
} from "@/lib/translations/texts";
import { DEMO_ACCOUNTS, DEMO_CALLS } from "./demo-content";
import { DEMO_FINAL_SLUG } from "./demo-final";
import { DEMO_GLOSSARY } from "./demo-glossary";
import { DEMO_MESSAGES_SLUG } from "./demo-messages";
import type { DbClient } from "@/lib/db";

/** A call's texts in one language. `helpText` is "" where the original has none; options in the original's order. */
export type DemoCallTexts = {
  title: string;
  introduction: string;
  thematicTrack: string;
  /** By position: questions[0] is question 1. */
  questions: readonly { prompt: string; helpText: string; options: readonly string[] }[];
  /** By position: glossary[0] is term 1. */
  glossary: readonly { term: string; definition: string }[];
};

/** A version's texts in one language: sections in order, each with its paragraphs' bodies (Markdown) in order. */
export type DemoVersionTexts = {
  title: string;
  introduction: string;
  sections: readonly { heading: string; paragraphs: readonly string[] }[];
};

const OPEN_CALL = DEMO_CALLS.find((call) => call.key === "open")!;

// ---------------------------------------------------------------------------------------------------
// The open call, "cybersecurity-norms-2026"

const CALL_ES: DemoCallTexts = {
  title: "Normas de ciberseguridad en la práctica: qué funciona, qué fracasa y quién falta",
  thematicTrack: "Seguridad, protección, estabilidad y resiliencia",
  introduction: [
    "El Foro de Buenas Prácticas sobre Ciberseguridad estudia cómo se elaboran, se ponen en práctica y se pasan " +
      "por alto las normas de comportamiento responsable en el ciberespacio, y quién tiene voz en ese proceso. Por " +
      "normas se entienden aquí las expectativas compartidas sobre cómo deben comportarse los distintos actores: " +
      "algunas se acuerdan entre Estados; otras surgen de la práctica cotidiana de los operadores de redes, los " +
      "equipos de respuesta a incidentes, las empresas y las comunidades.",
    "Queremos escuchar a todas las personas que viven con sus consecuencias. Lo que más nos ayuda son los " +
      "**ejemplos concretos** de su país, sector o comunidad, por pequeños que sean. Responda a tantas preguntas " +
      "como desee; solo es obligatorio contestar las marcadas como obligatorias. Puede responder a título personal, " +
      "en nombre de su organización o en representación de una coalición: su perfil lo indica.",
    "Los facilitadores leerán todas las contribuciones y se basarán en ellas para elaborar un proyecto de informe, " +
      "que se publicará para recabar comentarios del público antes de la reunión anual. El informe menciona a todas " +
      "las personas que han contribuido.",
  ].join("\n\n"),
  questions: [
    // 1
    {
      prompt: "¿Qué normas y valores configuran la ciberseguridad en su comunidad?",
      helpText:
        "Tanto las reglas escritas como las expectativas no escritas: cómo se notifican los incidentes, en quién " +
        "confía la gente, qué se considera inaceptable.",
      options: [],
    },
    // 2
    {
      prompt:
        "¿En qué medida conoce su comunidad las normas de las Naciones Unidas sobre el comportamiento responsable " +
        "de los Estados en el ciberespacio?",
      helpText: "",
      options: [
        "Orientan nuestro trabajo diario",
        "Las conocemos, pero rara vez nos remitimos a ellas",
        "Hemos oído hablar de ellas, poco más",
        "Son desconocidas en nuestra comunidad",
      ],
    },
    // 3
    {
      prompt: "¿Qué norma ha funcionado bien y qué hizo que funcionara?",
      helpText:
        "Una norma de cualquier origen: un acuerdo entre Estados, un compromiso del sector privado, una práctica " +
        "comunitaria.",
      options: [],
    },
    // 4
    { prompt: "¿Qué norma ha fracasado o se ha estancado, y por qué no llegó a arraigar?", helpText: "", options: [] },
    // 5
    {
      prompt: "¿Quién falta en los debates sobre normas que usted sigue y cómo podría participar?",
      helpText:
        "Piense en los grupos de partes interesadas, las regiones, los idiomas y las personas más afectadas por la " +
        "inseguridad.",
      options: [],
    },
    // 6
    {
      prompt: "¿En qué ámbitos sería más útil la creación de capacidad para su comunidad?",
      helpText: "Piense en las personas y organizaciones que serían las primeras en utilizar ese apoyo.",
      options: [
        "Respuesta a incidentes y competencias de los CSIRT",
        "Formación en políticas y diplomacia cibernética",
        "Desarrollo y adquisiciones seguros",
        "Sensibilización de usuarios y pequeñas empresas",
        "Legislación sobre ciberdelincuencia, tribunales y aplicación de la ley",
        "Investigación, datos y medición",
      ],
    },
    // 7
    { prompt: "¿Hay algo más que el Foro de Buenas Prácticas debería tener en cuenta?", helpText: "", options: [] },
  ],
  glossary: [
    // 1
    {
      term: "CERT / CSIRT",
      definition:
        "Equipo de respuesta a emergencias informáticas (o equipo de respuesta a incidentes de seguridad " +
        "informática): las personas que reciben las notificaciones de incidentes de seguridad, ayudan a los " +
        "afectados y difunden alertas.",
    },
    // 2
    {
      term: "Normas de comportamiento responsable de los Estados",
      definition:
        "Compromisos voluntarios acordados en las Naciones Unidas sobre la forma en que actúan los Estados en el " +
        "ciberespacio, como no atacar infraestructuras críticas y ayudar a otros Estados a responder a incidentes.",
    },
    // 3
    {
      term: "Creación de capacidad",
      definition:
        "Formación, financiación e intercambio de conocimientos que ayudan a las personas y las instituciones a " +
        "proteger los sistemas y a responder por sí mismas a las amenazas.",
    },
    // 4
    {
      term: "Corte de Internet",
      definition: "Interrupción deliberada del acceso a Internet o de algunos servicios, en una región o en todo un país.",
    },
  ],
};

const CALL_AR: DemoCallTexts = {
  title: "معايير الأمن السيبراني في الممارسة العملية: ما الذي ينجح، وما الذي يخفق، ومن الغائب",
  thematicTrack: "الأمن والسلامة والاستقرار والقدرة على الصمود",
  introduction: [
    "يدرس منتدى أفضل الممارسات المعني بالأمن السيبراني كيف تُوضع معايير السلوك المسؤول في الفضاء الإلكتروني " +
      "وكيف تُطبَّق وكيف تُتجاهَل، ومن يكون له رأي في ذلك. ويُقصد بالمعايير هنا التوقعات المشتركة بشأن الكيفية " +
      "التي ينبغي أن تتصرف بها الجهات الفاعلة: فبعضها يُتفق عليه بين الدول، وبعضها الآخر ينشأ من الممارسة " +
      "اليومية لمشغّلي الشبكات وفرق الاستجابة للحوادث والشركات والمجتمعات المحلية.",
    "ونودّ أن نستمع إلى كل من يعيش عواقب ذلك. فأكثر ما يساعدنا هو **الأمثلة الملموسة** من بلدك أو قطاعك أو " +
      "مجتمعك، حتى وإن كانت صغيرة. أجب عن أي عدد تشاء من الأسئلة؛ ولا يلزم ملء إلا الأسئلة المشار إليها بأنها " +
      "إلزامية. ويمكنك الإجابة بصفتك الشخصية، أو باسم منظمتك، أو نيابةً عن ائتلاف: ويبيّن ملفك الشخصي ذلك.",
    "وسيقرأ الميسّرون جميع المساهمات ويستندون إليها في إعداد مشروع تقرير يُنشر لتلقي التعليقات العامة قبل " +
      "الاجتماع السنوي. ويتضمن التقرير قائمة بجميع من ساهموا فيه.",
  ].join("\n\n"),
  questions: [
    // 1
    {
      prompt: "ما المعايير والقيم التي تشكّل الأمن السيبراني في مجتمعك؟",
      helpText:
        "القواعد المكتوبة والتوقعات غير المكتوبة على حد سواء: كيف يُبلَّغ عن الحوادث، وبمن يثق الناس، وما الذي " + "يُعدّ محظوراً.",
      options: [],
    },
    // 2
    {
      prompt: "ما مدى إلمام مجتمعك بمعايير الأمم المتحدة للسلوك المسؤول للدول في الفضاء الإلكتروني؟",
      helpText: "",
      options: ["توجّه عملنا اليومي", "نعرفها لكننا نادراً ما نرجع إليها", "سمعنا بها، لا أكثر", "هي غير معروفة في مجتمعنا"],
    },
    // 3
    {
      prompt: "أيّ معيار أثبت نجاحه، وما الذي جعله ينجح؟",
      helpText: "معيار من أي مصدر كان: اتفاق بين الدول، أو التزام من القطاع الخاص، أو ممارسة مجتمعية.",
      options: [],
    },
    // 4
    { prompt: "أيّ معيار أخفق أو تعثّر، ولماذا لم يترسّخ؟", helpText: "", options: [] },
    // 5
    {
      prompt: "من الغائب عن المناقشات المتعلقة بالمعايير التي تتابعها، وكيف يمكنه المشاركة فيها؟",
      helpText: "فكّر في فئات أصحاب المصلحة والمناطق واللغات والأشخاص الأكثر تضرراً من انعدام الأمن.",
      options: [],
    },
    // 6
    {
      prompt: "في أي المجالات يكون بناء القدرات أكثر فائدة لمجتمعك؟",
      helpText: "فكّر في الأشخاص والمنظمات الذين سيكونون أول من يستفيد من هذا الدعم.",
      options: [
        "الاستجابة للحوادث ومهارات فرق CSIRT",
        "التدريب في مجال السياسات والدبلوماسية السيبرانية",
        "التطوير والمشتريات الآمنة",
        "توعية المستخدمين والمنشآت الصغيرة",
        "قوانين الجرائم السيبرانية والمحاكم وإنفاذ القانون",
        "البحوث والبيانات والقياس",
      ],
    },
    // 7
    { prompt: "هل هناك أي أمر آخر ينبغي أن يأخذه منتدى أفضل الممارسات في الاعتبار؟", helpText: "", options: [] },
  ],
  glossary: [
    // 1
    {
      term: "CERT / CSIRT",
      definition:
        "فريق الاستجابة لطوارئ الحاسوب (أو فريق الاستجابة لحوادث أمن الحاسوب): الأشخاص الذين يتلقون البلاغات عن " +
        "الحوادث الأمنية، ويساعدون المتضررين منها، ويتبادلون التحذيرات.",
    },
    // 2
    {
      term: "معايير السلوك المسؤول للدول",
      definition:
        "التزامات طوعية متفق عليها في الأمم المتحدة بشأن كيفية تصرف الدول في الفضاء الإلكتروني، مثل الامتناع عن " +
        "مهاجمة البنية التحتية الحيوية ومساعدة الدول الأخرى على التصدي للحوادث.",
    },
    // 3
    {
      term: "بناء القدرات",
      definition: "التدريب والتمويل وتبادل المعارف، مما يساعد الأفراد والمؤسسات على حماية النظم والتصدي للتهديدات بأنفسهم.",
    },
    // 4
    {
      term: "قطع الإنترنت",
      definition: "تعطيل متعمَّد للوصول إلى الإنترنت أو لبعض الخدمات، في منطقة ما أو في بلد بأكمله.",
    },
  ],
};

/** The open call's translations. Not French: the browser test adds that one. */
export const DEMO_CALL_TRANSLATIONS: Partial<Record<Locale, DemoCallTexts>> = { es: CALL_ES, ar: CALL_AR };

// ---------------------------------------------------------------------------------------------------
// The published draft messages (DEMO_MESSAGES_SLUG). Version 2 changed paragraphs 1 and 2 (positions 0 and
// 1 in reading order, as in demo-messages.ts); the rest is version 1's text.

const SET_ES_V1: DemoVersionTexts = {
  title: "Mensajes del FGI 2026 – Seguridad, protección, estabilidad y resiliencia",
  introduction:
    "Proyecto de mensajes elaborado por el Foro de Buenas Prácticas sobre Ciberseguridad a partir de las respuestas " +
    "a su convocatoria de contribuciones de 2026. Cada párrafo indica las contribuciones en las que se basa.",
  sections: [
    {
      heading: "Políticas y cooperación",
      paragraphs: [
        // 1
        "Las normas de comportamiento responsable arraigan cuando las personas que deben aplicarlas contribuyen a " +
          "configurarlas desde el principio. Participantes de todos los grupos de partes interesadas pidieron tener un " +
          "lugar en la **redacción**, y no solo la posibilidad de formular comentarios sobre textos casi definitivos.",
        // 2
        "Incumplir un compromiso sin seguimiento no cuesta nada. Varias contribuciones pidieron informes independientes " +
          "y públicos sobre la forma en que se cumplen en la práctica los compromisos, como el de mantener las redes en " +
          "funcionamiento durante las elecciones.",
        // 3
        "La seguridad de las infraestructuras debe mantenerse claramente separada de la regulación de los contenidos. " +
          "Se han utilizado leyes sobre ciberdelincuencia redactadas en términos vagos contra periodistas y blogueros; " +
          "las normas necesitan un lenguaje preciso para proteger a las personas a las que deben servir.",
      ],
    },
    {
      heading: "Creación de capacidad",
      paragraphs: [
        // 4
        "La creación de capacidad debe llegar a los equipos de respuesta a incidentes, a los formadores comunitarios y " +
          "a los pequeños operadores fuera de las capitales, en los idiomas locales y con financiación a largo plazo en " +
          "lugar de por proyectos.",
        // 5
        "Las amenazas dirigidas contra las mujeres, los jóvenes y las personas supervivientes de abusos en línea son " +
          "amenazas para la ciberseguridad. Las líneas de ayuda, las plataformas y la policía necesitan personas de " +
          "contacto designadas, plazos claros y formación para hacerles frente.",
      ],
    },
  ],
};

const SET_ES_V2 = withParagraphs(SET_ES_V1, {
  0:
    "Las normas de comportamiento responsable arraigan cuando las personas que deben aplicarlas contribuyen a " +
    "configurarlas desde el principio. Participantes de todos los grupos de partes interesadas pidieron tener un " +
    "lugar en la **redacción**, con participación a distancia y un preaviso de al menos seis semanas, y no solo la " +
    "posibilidad de formular comentarios sobre textos casi definitivos.",
  1:
    "Incumplir un compromiso sin seguimiento no cuesta nada. Varias contribuciones pidieron informes independientes " +
    "y públicos, basados en pruebas como los datos de medición de redes, sobre la forma en que se cumplen en la " +
    "práctica los compromisos, como el de mantener las redes en funcionamiento durante las elecciones.",
});

const SET_AR_V2: DemoVersionTexts = {
  title: "رسائل منتدى إدارة الإنترنت لعام 2026 – الأمن والسلامة والاستقرار والقدرة على الصمود",
  introduction:
    "مشروع رسائل أعدّه منتدى أفضل الممارسات المعني بالأمن السيبراني استناداً إلى الردود على دعوته إلى تقديم " +
    "المساهمات لعام 2026. وتذكر كل فقرة المساهمات التي تستند إليها.",
  sections: [
    {
      heading: "السياسات والتعاون",
      paragraphs: [
        // 1
        "تترسّخ معايير السلوك المسؤول عندما يساهم الأشخاص الذين يتعين عليهم تطبيقها في تشكيلها في وقت مبكر. وقد " +
          "طالب مساهمون من جميع فئات أصحاب المصلحة بمقعد في عملية **الصياغة**، مع إتاحة المشاركة عن بُعد وإخطار " +
          "مسبق لا يقل عن ستة أسابيع، لا بمجرد فرصة للتعليق على نصوص شبه نهائية.",
        // 2
        "الالتزامات التي لا تخضع للمتابعة لا يكلّف الإخلال بها شيئاً. ودعت عدة مساهمات إلى تقديم تقارير مستقلة " +
          "وعلنية، تستند إلى أدلة مثل بيانات قياس الشبكات، عن كيفية الوفاء بالالتزامات في الممارسة العملية، مثل " +
          "الالتزام بإبقاء الشبكات عاملة خلال الانتخابات.",
        // 3
        "ينبغي الفصل بوضوح بين أمن البنية التحتية وتنظيم المحتوى. فقد استُخدمت قوانين الجرائم السيبرانية ذات " +
          "الصياغة المبهمة ضد الصحفيين والمدوّنين؛ والمعايير بحاجة إلى صياغة دقيقة لكي تحمي الأشخاص الذين يُفترض " +
          "أن تخدمهم.",
      ],
    },
    {
      heading: "بناء القدرات",
      paragraphs: [
        // 4
        "ينبغي أن يصل بناء القدرات إلى فرق الاستجابة للحوادث والمدرّبين المجتمعيين والمشغّلين الصغار خارج " +
          "العواصم، باللغات المحلية، وبتمويل طويل الأجل بدلاً من التمويل على أساس كل مشروع على حدة.",
        // 5
        "التهديدات التي تستهدف النساء والشباب والناجين من الإساءة عبر الإنترنت هي تهديدات للأمن السيبراني. " +
          "وتحتاج خطوط المساعدة والمنصات والشرطة إلى جهات اتصال محددة بالاسم وأطر زمنية واضحة وتدريب لكي تتصدى " +
          "لها.",
      ],
    },
  ],
};

/** The draft messages' translations, by version number. Not French: the browser test adds that one. */
export const DEMO_MESSAGES_TRANSLATIONS: Record<number, Partial<Record<Locale, DemoVersionTexts>>> = {
  1: { es: SET_ES_V1 },
  2: { ar: SET_AR_V2, es: SET_ES_V2 },
};

// ---------------------------------------------------------------------------------------------------
// The final messages (DEMO_FINAL_SLUG): their final version.

const FINAL_AR: DemoVersionTexts = {
  title: "رسائل منتدى إدارة الإنترنت لعام 2025 – بناء ثقافة الأمن السيبراني",
  introduction:
    "الرسائل النهائية لمنتدى أفضل الممارسات المعني بالأمن السيبراني بشأن دعوته إلى تقديم المساهمات لعام 2025، " +
    "بعد شهر من التعليقات العامة على المشروع.",
  sections: [
    {
      heading: "ما المقصود بثقافة الأمن السيبراني",
      paragraphs: [
        // 1
        "توجد ثقافة الأمن السيبراني عندما يفهم الناس **لماذا** تكتسي ممارسةٌ ما أهمية، لا مجرد ما تنص عليه " +
          "القاعدة، وعندما يكون الاعتراف بالخطأ أكثر أماناً من إخفائه.",
        // 2
        "وتبني الإدارات العامة هذه الثقافة بتعيين شخص مسؤول في كل جهة حكومية وبإجراء تمارين منتظمة بقيادة فريق " + "CERT الوطني.",
      ],
    },
    {
      heading: "سدّ الفجوة",
      paragraphs: [
        // 3
        "يرى معظم المساهمين أن هناك فجوة في مجال الأمن الرقمي. ويتطلب سدّها توفير بيانات ميسورة التكلفة، وأجهزة " +
          "لا تزال تتلقى التحديثات، وإدراج الأمن في المناهج الدراسية، وتقديم المشورة باللغات المحلية.",
      ],
    },
  ],
};

const FINAL_FR: DemoVersionTexts = {
  title: "Messages du FGI 2025 – Bâtir une culture de la cybersécurité",
  introduction:
    "Les messages définitifs du Forum sur les bonnes pratiques en matière de cybersécurité issus de son appel à " +
    "contributions de 2025, à l’issue d’un mois de commentaires du public sur le projet.",
  sections: [
    {
      heading: "Ce qu’est une culture de la cybersécurité",
      paragraphs: [
        // 1
        "Une culture de la cybersécurité existe lorsque chacun comprend **pourquoi** une pratique importe, et pas " +
          "seulement ce que dit la règle, et lorsqu’il est moins risqué d’admettre une erreur que de la cacher.",
        // 2
        "Les administrations publiques la construisent en désignant une personne responsable dans chaque organisme " +
          "et par des exercices réguliers menés par le CERT national.",
      ],
    },
    {
      heading: "Réduire la fracture",
      paragraphs: [
        // 3
        "La plupart des contributeurs constatent une fracture en matière de sécurité numérique. Pour la réduire, il " +
          "faut des données mobiles abordables, des appareils qui reçoivent encore des mises à jour, la sécurité dans " +
          "les programmes scolaires et des conseils dans les langues locales.",
      ],
    },
  ],
};

const FINAL_ZH: DemoVersionTexts = {
  title: "2025年互联网治理论坛信息——建设网络安全文化",
  introduction: "网络安全最佳做法论坛就其2025年意见征集形成的最终信息，其草案此前已经过为期一个月的公众评论。",
  sections: [
    {
      heading: "何为网络安全文化",
      paragraphs: [
        // 1
        "当人们不仅知道规则的内容，而且明白某种做法**为何**重要，并且承认错误比隐瞒错误更安全时，网络安全文化才真正存在。",
        // 2
        "公共行政部门建设这种文化的做法是：在每个机构指定一名负责人，并由国家CERT定期牵头组织演练。",
      ],
    },
    {
      heading: "弥合鸿沟",
      paragraphs: [
        // 3
        "大多数贡献者认为存在数字安全鸿沟。弥合这一鸿沟需要价格可负担的数据流量、仍能获得更新的设备、将安全纳入学校课程，" +
          "以及以当地语言提供的指导。",
      ],
    },
  ],
};

/** The final version's translations. */
export const DEMO_FINAL_TRANSLATIONS: Partial<Record<Locale, DemoVersionTexts>> = { ar: FINAL_AR, fr: FINAL_FR, zh: FINAL_ZH };

// ---------------------------------------------------------------------------------------------------
// Writing them

export async function seedDemoTranslations(client: DbClient) {
  checkCallTexts();
  const moderator = await client.user.findUnique({ where: { email: DEMO_ACCOUNTS.moderator }, select: { id: true } });
  const updatedById = moderator?.id ?? null;
  await translateOpenCall(client, updatedById);
  for (const [number, translations] of Object.entries(DEMO_MESSAGES_TRANSLATIONS)) {
    await translateVersion(client, { slug: DEMO_MESSAGES_SLUG, number: Number(number) }, translations, updatedById);
  }
  await translateVersion(client, { slug: DEMO_FINAL_SLUG, number: "final" }, DEMO_FINAL_TRANSLATIONS, updatedById);
}

/** The data above against demo-content.ts and demo-glossary.ts, before anything is written. */
function checkCallTexts() {
  const problems: string[] = [];
  for (const [locale, texts] of Object.entries(DEMO_CALL_TRANSLATIONS)) {
    const where = `${OPEN_CALL.slug} (${locale})`;
    if (texts.questions.length !== OPEN_CALL.questions.length) {
      problems.push(`${where}: ${texts.questions.length} questions translated, the call has ${OPEN_CALL.questions.length}`);
    }
    OPEN_CALL.questions.forEach((question, index) => {
      const translated = texts.questions[index];
      if (!translated) return;
      const options = question.options?.length ?? 0;
      if (translated.options.length !== options) {
        problems.push(`${where}: question ${index + 1} has ${options} options, ${translated.options.length} translated`);
      }
      if (Boolean(question.helpText?.trim()) !== Boolean(translated.helpText.trim())) {
        problems.push(`${where}: question ${index + 1}'s help text is translated only if the original has one`);
      }
    });
    if (texts.glossary.length !== DEMO_GLOSSARY.length) {
      problems.push(`${where}: ${texts.glossary.length} glossary terms translated, the call has ${DEMO_GLOSSARY.length}`);
    }
  }
  if (problems.length > 0) throw new Error(`Demo translations do not match the demo content:\n${problems.join("\n")}`);
}

async function translateOpenCall(client: DbClient, updatedById: string | null) {
  const call = await client.call.findUnique({
    where: { slug: OPEN_CALL.slug },
    select: {
      id: true,
      language: true,
      title: true,
      introduction: true,
      thematicTrack: true,
      questions: {
        orderBy: { position: "asc" },
        select: { id: true, position: true, prompt: true, helpText: true, options: true },
      },
      glossary: { orderBy: { position: "asc" }, select: { id: true, position: true, term: true, definition: true } },
    },
  });
  if (!call) return;
  for (const [locale, texts] of Object.entries(DEMO_CALL_TRANSLATIONS)) {
    if (locale === call.language) continue;
    // The seed's own questions and terms (positions 1…n); any added since are read in the original.
    const questions = call.questions.filter((q) => q.position <= texts.questions.length);
    const glossary = call.glossary.filter((g) => g.position <= texts.glossary.length);
    if (questions.length !== texts.questions.length || glossary.length !== texts.glossary.length) {
      throw new Error(
        `Demo translations: the call "${OPEN_CALL.slug}" lacks some of its ${texts.questions.length} questions or ` +
          `${texts.glossary.length} glossary terms (positions 1…n); seed the demo content first.`,
      );
    }
    const original: CallOriginal = {
      language: call.language,
      title: call.title,
      introduction: call.introduction,
      thematicTrack: call.thematicTrack,
      questions,
      glossary,
    };
    const values: Record<string, string> = {
      title: texts.title,
      introduction: texts.introduction,
      thematicTrack: texts.thematicTrack,
    };
    for (const q of questions) {
      const translated = texts.questions[q.position - 1]!;
      values[callField.prompt(q.id)] = translated.prompt;
      values[callField.helpText(q.id)] = translated.helpText;
      if (q.options.length) values[callField.options(q.id)] = translated.options.join("\n");
    }
    for (const g of glossary) {
      const translated = texts.glossary[g.position - 1]!;
      values[callField.term(g.id)] = translated.term;
      values[callField.definition(g.id)] = translated.definition;
    }
    const parsed = callTranslationSchema(original).safeParse(values);
    if (!parsed.success) throw invalid(`the call "${OPEN_CALL.slug}" in ${locale}`, parsed.error.issues);
    const columns = callTranslationColumns(original, parsed.data);
    await client.callTranslation.upsert({
      where: { callId_locale: { callId: call.id, locale } },
      create: { callId: call.id, locale, ...columns, updatedById },
      update: { ...columns, updatedById },
      select: { callId: true },
    });
  }
}

async function translateVersion(
  client: DbClient,
  target: { slug: string; number: number | "final" },
  translations: Partial<Record<Locale, DemoVersionTexts>>,
  updatedById: string | null,
) {
  const set = await client.messageSet.findUnique({
    where: { slug: target.slug },
    select: { id: true, language: true, title: true, introduction: true },
  });
  if (!set) return;
  const version = await client.messageSetVersion.findFirst({
    where: target.number === "final" ? { setId: set.id, finalisedAt: { not: null } } : { setId: set.id, number: target.number },
    orderBy: { number: "desc" },
    select: { id: true, number: true, title: true, introduction: true, content: true, finalisedAt: true },
  });
  if (!version) return;
  const where = `"${target.slug}" version ${version.number}`;
  const sections = versionContentSchema.parse(version.content);
  const original: VersionOriginal = {
    language: set.language,
    title: version.title ?? set.title,
    introduction: version.introduction ?? set.introduction,
    sections: sections.map((s, index) => ({
      sectionId: s.sectionId ?? `section-${index}`,
      heading: s.heading,
      paragraphs: s.paragraphs.map((p) => ({ paragraphId: p.paragraphId, body: p.body })),
    })),
  };
  const shape = (list: readonly { paragraphs: readonly unknown[] }[]) => list.map((s) => s.paragraphs.length).join("+");
  for (const [locale, texts] of Object.entries(translations)) {
    if (locale === set.language) continue;
    if (shape(original.sections) !== shape(texts.sections)) {
      throw new Error(
        `Demo translations: ${where} has paragraphs ${shape(original.sections) || "none"} by section, ` +
          `prisma/demo-translations.ts translates ${shape(texts.sections)} (${locale}); update the translation.`,
      );
    }
    const values: Record<string, string> = { title: texts.title, introduction: texts.introduction };
    original.sections.forEach((section, s) => {
      values[versionField.heading(section.sectionId)] = texts.sections[s]!.heading;
      section.paragraphs.forEach((paragraph, p) => {
        values[versionField.body(paragraph.paragraphId)] = texts.sections[s]!.paragraphs[p]!;
      });
    });
    const parsed = versionTranslationSchema(original).safeParse(values);
    if (!parsed.success) throw invalid(`${where} in ${locale}`, parsed.error.issues);
    const columns = versionTranslationColumns(original, parsed.data);
    const key = { versionId_locale: { versionId: version.id, locale } };
    // A final version's translations are added but never changed (lib/translations/versions.ts).
    if (version.finalisedAt && (await client.messageSetVersionTranslation.findUnique({ where: key, select: { locale: true } }))) {
      continue;
    }
    await client.messageSetVersionTranslation.upsert({
      where: key,
      create: { versionId: version.id, locale, ...columns, updatedById },
      update: { ...columns, updatedById },
      select: { versionId: true },
    });
  }
}

/** `base` with the paragraphs at these positions (in reading order, 0-based) replaced. */
function withParagraphs(base: DemoVersionTexts, bodies: Record<number, string>): DemoVersionTexts {
  let position = 0;
  return {
    ...base,
    sections: base.sections.map((section) => ({
      ...section,
      paragraphs: section.paragraphs.map((body) => bodies[position++] ?? body),
    })),
  };
}

function invalid(what: string, issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const list = issues.map((issue) => `${issue.path.map(String).join(".")}: ${issue.message}`).join("\n");
  return new Error(`Demo translations: ${what} does not pass the translation editor's checks:\n${list}`);
}
