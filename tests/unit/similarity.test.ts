// The near-duplicate method on its own (no database): normalisation, the threshold's margins on both sides,
// short texts, determinism, and texts in scripts other than Latin.
import { describe, expect, it } from "vitest";
import { clusterWords, findClusters, MIN_WORDS, similarity, THRESHOLD } from "@/lib/curation/similarity";
import { CAMPAIGN_TEXT as CAMPAIGN, campaignCopy, distinctText, seededRandom, sentence } from "@/prisma/factories-clusters";

describe("clusterWords", () => {
  it("folds case, Unicode compatibility forms, punctuation and whitespace", () => {
    expect(clusterWords("  Cyber-Security,\n\tＮＯＲＭＳ…  (2026) ")).toEqual(["cyber", "security", "norms", "2026"]);
    expect(clusterWords("ﬁnal   report!!")).toEqual(["final", "report"]);
    // Punctuation inside a word goes too: the typewriter and the typographic apostrophe compare equal.
    expect(clusterWords("We don't agree")).toEqual(clusterWords("We don’t agree"));
  });

  it("cuts Chinese into dictionary words and keeps Arabic words whole with their vowel marks", () => {
    // A regex sees one "word" per clause here, so a Chinese response never reached MIN_WORDS.
    expect(clusterWords("我们支持多利益攸关方模式，并呼吁设立基金。")).toEqual([
      "我们",
      "支持",
      "多",
      "利益",
      "攸关",
      "方",
      "模式",
      "并",
      "呼吁",
      "设立",
      "基金",
    ]);
    expect(clusterWords("اللُّغَةُ الْعَرَبِيَّةُ جميلة.")).toEqual(["اللُّغَةُ", "الْعَرَبِيَّةُ", "جميلة"]);
    expect(clusterWords("Мы поддерживаем ПРОЕКТ норм.", "ru")).toEqual(["мы", "поддерживаем", "проект", "норм"]);
  });
});

describe("threshold", () => {
  it("keeps a 150-word text with light edits above the threshold", () => {
    expect(CAMPAIGN.split(" ").length).toBeGreaterThanOrEqual(140);
    const rng = seededRandom(7);
    const scores = Array.from({ length: 50 }, () => similarity(CAMPAIGN, campaignCopy(CAMPAIGN, rng))!);
    expect(Math.min(...scores)).toBeGreaterThan(THRESHOLD + 0.05);
    // Punctuation and case alone change nothing.
    expect(similarity(CAMPAIGN, CAMPAIGN.toUpperCase().replace(/,/g, " ;"))).toBe(1);
  });

  it("keeps texts written separately on the same topic, from the same stock phrases, well below it", () => {
    const rng = seededRandom(11);
    const texts = Array.from({ length: 60 }, () => distinctText(rng));
    let highest = 0;
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) highest = Math.max(highest, similarity(texts[i]!, texts[j]!)!);
    }
    expect(highest).toBeLessThan(THRESHOLD / 2);
    expect(highest).toBeGreaterThan(0); // they do share phrases: the test would notice a broken Jaccard
  });

  it("does not cluster texts shorter than the minimum, even identical ones", () => {
    const short = "We support the draft norms and thank the facilitators for their work.";
    expect(short.split(" ").length).toBeLessThan(MIN_WORDS);
    expect(similarity(short, short)).toBeNull();
    expect(
      findClusters([
        { id: "a", text: short },
        { id: "b", text: short },
      ]),
    ).toEqual([]);
  });
});

describe("findClusters", () => {
  const rng = seededRandom(3);
  const copies = Array.from({ length: 20 }, (_, i) => ({ id: `copy-${i}`, text: campaignCopy(CAMPAIGN, rng) }));
  const others = Array.from({ length: 30 }, (_, i) => ({ id: `other-${i}`, text: distinctText(rng) }));
  const pair = sentence(rng) + " " + distinctText(rng, 6);
  // Interleaved as they would arrive.
  const items = [
    ...others.slice(0, 10),
    ...copies.slice(0, 10),
    ...others.slice(10),
    { id: "pair-a", text: pair },
    ...copies.slice(10),
    { id: "pair-b", text: pair.replace(/\.$/, "!") },
  ];

  it("finds the campaign as one cluster, the earliest copy as representative, and nothing else but the pair", () => {
    const clusters = findClusters(items);
    expect(clusters.map((c) => c.members.length)).toEqual([20, 2]);
    const [campaign, twins] = clusters as [(typeof clusters)[0], (typeof clusters)[0]];
    expect(campaign.representativeId).toBe("copy-0");
    expect(campaign.members.map((m) => m.id).sort()).toEqual(copies.map((c) => c.id).sort());
    expect(campaign.members[0]).toEqual({ id: "copy-0", score: 1 });
    expect(campaign.minScore).toBe(Math.min(...campaign.members.map((m) => m.score)));
    expect(campaign.minScore).toBeGreaterThan(THRESHOLD - 0.1); // may be reached through another copy
    expect(twins.members.map((m) => m.id)).toEqual(["pair-a", "pair-b"]);
  });

  it("is deterministic", () => {
    expect(findClusters(items)).toEqual(findClusters(items.map((item) => ({ ...item }))));
  });
});

// Real responses, each with a copy edited in a few words and an unrelated text on a neighbouring subject.
const SCRIPTS = {
  Chinese: {
    text: "我们支持多利益攸关方模式，认为各国政府、私营部门、技术社区和民间社会都应当平等参与互联网治理。网络安全规范的制定不能只在政府之间进行，发展中国家的声音也必须被听到。我们呼吁论坛设立长期的能力建设基金，帮助小型组织参加会议并提交意见。",
    // 平等 → 共同, 长期的 → 长期, 组织 → 机构: five characters.
    copy: "我们支持多利益攸关方模式，认为各国政府、私营部门、技术社区和民间社会都应当共同参与互联网治理。网络安全规范的制定不能只在政府之间进行，发展中国家的声音也必须被听到。我们呼吁论坛设立长期能力建设基金，帮助小型机构参加会议并提交意见。",
    other:
      "数据保护法律在我国刚刚起步，企业往往不清楚跨境传输的规则。我们建议秘书处整理各地区的成功案例，并用中文发布简明的指南。此外，农村地区的网络接入仍然不足，宽带价格过高，这使得许多学生无法参加在线课程。",
    locale: "zh",
  },
  Arabic: {
    text: "نحن ندعم نموذج أصحاب المصلحة المتعددين ونرى أن الحكومات والقطاع الخاص والمجتمع التقني والمجتمع المدني يجب أن تشارك على قدم المساواة في حوكمة الإنترنت. لا يمكن وضع قواعد الأمن السيبراني بين الحكومات وحدها، ويجب أن يسمع صوت البلدان النامية. ندعو المنتدى إلى إنشاء صندوق دائم لبناء القدرات يساعد المنظمات الصغيرة على حضور الاجتماعات وتقديم آرائها.",
    // ندعم → نؤيد, الصغيرة → الناشئة.
    copy: "نحن نؤيد نموذج أصحاب المصلحة المتعددين ونرى أن الحكومات والقطاع الخاص والمجتمع التقني والمجتمع المدني يجب أن تشارك على قدم المساواة في حوكمة الإنترنت. لا يمكن وضع قواعد الأمن السيبراني بين الحكومات وحدها، ويجب أن يسمع صوت البلدان النامية. ندعو المنتدى إلى إنشاء صندوق دائم لبناء القدرات يساعد المنظمات الناشئة على حضور الاجتماعات وتقديم آرائها.",
    other:
      "ما زالت قوانين حماية البيانات في بلدنا حديثة، والشركات لا تعرف قواعد نقل البيانات عبر الحدود. نقترح أن تجمع الأمانة أمثلة ناجحة من كل منطقة وأن تنشر أدلة مختصرة باللغة العربية. كما أن الاتصال بالإنترنت في المناطق الريفية ما زال ضعيفا وأسعار النطاق العريض مرتفعة، مما يمنع كثيرا من الطلاب من متابعة الدروس عبر الإنترنت.",
    locale: "ar",
  },
  Cyrillic: {
    text: "Мы поддерживаем модель участия многих заинтересованных сторон и считаем, что правительства, частный сектор, техническое сообщество и гражданское общество должны на равных участвовать в управлении интернетом. Нормы кибербезопасности нельзя разрабатывать только между государствами, голос развивающихся стран тоже должен быть услышан.",
    // на равных → вместе, тоже → также, a comma made a colon.
    copy: "Мы поддерживаем модель участия многих заинтересованных сторон и считаем, что правительства, частный сектор, техническое сообщество и гражданское общество должны вместе участвовать в управлении интернетом. Нормы кибербезопасности нельзя разрабатывать только между государствами: голос развивающихся стран также должен быть услышан.",
    other:
      "Законы о защите данных в нашей стране появились недавно, и компании плохо понимают правила трансграничной передачи. Мы предлагаем секретариату собрать удачные примеры из всех регионов и опубликовать короткие руководства на русском языке. Кроме того, в сельской местности доступ к сети остаётся слабым, а широкополосная связь слишком дорогая.",
    locale: "ru",
  },
};

describe("texts in other scripts", () => {
  for (const [script, { text, copy, other, locale }] of Object.entries(SCRIPTS)) {
    it(`scores a ${script} copy edited in a few words above the threshold and an unrelated ${script} text far below`, () => {
      expect(clusterWords(text).length).toBeGreaterThan(MIN_WORDS);
      expect(similarity(text, copy)).toBeGreaterThan(THRESHOLD + 0.05);
      expect(similarity(text, other)).toBeLessThan(THRESHOLD / 2);
      // The language, when known, changes nothing for these scripts.
      expect(similarity(text, copy, locale)).toBe(similarity(text, copy));
    });
  }

  it("clusters each near-duplicate pair of a mixed-language call, and nothing else", () => {
    // Only some responses carry their language: clustering must not depend on it.
    const items = Object.entries(SCRIPTS).flatMap(([script, { text, copy, other, locale }]) => [
      { id: `${script}-text`, text, locale },
      { id: `${script}-other`, text: other },
      { id: `${script}-copy`, text: copy },
    ]);
    const clusters = findClusters(items);
    expect(clusters.map((c) => c.members.map((m) => m.id))).toEqual([
      ["Chinese-text", "Chinese-copy"],
      ["Arabic-text", "Arabic-copy"],
      ["Cyrillic-text", "Cyrillic-copy"],
    ]);
  });
});
