import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { implausibility, weirdness } from "../../../pipelines/normalize/repair/plausibility.ts";
import { repairMojibake } from "../../../pipelines/normalize/repair/repair-text.ts";

describe("the plausibility gate leaves real text alone", () => {
  it.each([
    "MOËT® and CAFÉ™ are brands",
    "Selling 3×£20 prints",
    "Row 1024×… was cut",
    "She wrote “Zoë…” and stopped",
    "CURTA SE VOCÊ…",
    "ÖÅ™ Ltd. and ÅLAND® ferries",
    "√π ≈ 1.772",
    // Degrees after a mathematical symbol, apart from letters (MacRoman's ơ and š are inside words).
    "a ∆° of 3 and ≈° 40",
    "⤴️ up, ⤵️ down, x ⩽ y",
    "„CAFÉ“ ist gut",
    // The same after a Greek capital ("Δ°stanbul" is İstanbul through windows-1253).
    "a Δ° of 3, Π±5%",
    "┌─┐│a│└─┘ is a box",
    // Line art touches a cell's text on one side only; "┐" closes cells.
    "├┤a┼┐a┼┐a ├╝ Name ╚═╝",
    // An ellipsis, a middle dot or a guillemet between words, not inside one.
    "Hmm…ça va; 2·π ≈ 6.28; Bogotá–Cali; 1.\u00a0ª edição; sagde »ja«",
    // Three letters inside a Northern Sami word, and the ambiguous "Ã¥" (å, or MacRoman's CC B4).
    "Ovttastuvvon Náššuvnnaid ulbmiliid",
    "Hansen – SmÃ¥land",
    "SÃO PAULO — NÃO HÁ ACORDO",
    "Ðórr and Ðóra",
    "KÄSI\u00a0YLÖS\u00a0NYT",
    "СІЧЕНЬ 2025: РІСТ ЦІН",
    // Capitals of the basic alphabets are byte pairs of ISO-8859-5 ("ТВ", "ЭЛ", "ТА").
    "Топливная компания ТВЭЛ поставит топливо",
    "Модель XТА-100 и Samsung GalaxyТВ",
    "ΕΛΛΑΔΑ: Η ΔΕΗ και ο ΑΔΜΗΕ",
    "Македонија меѓу ЕУ и НАТО; ЂОРЂЕ и ЉУБЉАНА",
    // Letters that are byte pairs of some code page, in the words of real languages.
    "на основі повної рівності, релігії та мови",
    "Әр адам, нәсіліне, тіліне, дініне, білім",
    "Esi eme va kɔ ƒãa be, ablɔɖevinyenye",
    "MĂȘTI ȘI PĂȘUNE ÎN ROMÂNIA; ăştia",
    "oovtviärdásâžžân jieijâs áárvu",
    "Η λέξη ¨ελευθερία¨",
    "ราคาแร่หายากเพิ่มขึ้น",
    "한국어와 English가 섞인 문장",
    "עברית ועוד English",
    "稀土价格上涨３％，“市场回暖”——分析师说。",
    "ROMÂNĂ™ and ROMÂNĂ\u00a0",
    "So many Ã’s here",
    "Ō¬o",
    "a width of 10 Å—",
    "LIETUVIŲ™",
    "BLÅØ",
    // A mark before a possessive or plural "s": read as UTF-8, an IPA, Cyrillic or Hebrew letter inside a word.
    "NESTLÉ®s plant, the BISTRÔ®s menu, LÉ®a and MÖBIUS©s",
    // "Ω·" is D9 B7 through windows-1253: an Arabic letter between a Greek mu (or the micro sign) and "m".
    "resistivity 2 μΩ·m, or 2 µΩ·m",
    // A closing guillemet after a word in á, then a dash, an ellipsis or a footnote (ỗ, ễ and
    // ỳ through windows-1252 spell the same), where a quotation was opened.
    "«Ya está»—dijo él; «nadie sabe dónde está»…",
    "»Y la planta de Panamá»¹ no cierra.",
    // Three letters of Slovak and Northern Sami, a Vietnamese letter's bytes through ISO-8859-2.
    "zvlášť aj na rozumné; almmolaš áššiid",
    // A capital before a quote or an apostrophe opening a word; a Greek capital and a unit.
    "O’Brien met D‘Alema; Ã’s and Ö’s; a resistivity of 2 Ω·m",
  ])("%s", (text) => {
    const out = repairMojibake(text);
    expect(out.text).toBe(text);
    expect(out.repairs).toEqual([]);
  });
});

describe("code pages beyond windows-1252", () => {
  it.each([
    ["MacRoman", "cr√®me br√ªl√©e", "crème brûlée", "macintosh"],
    ["cp437", "┼ákoda a ─îesk├í", "Škoda a Česká", "cp437"],
    // A mathematical symbol and "°" against a letter: ơ and š.
    ["MacRoman ơ and š", "S∆°n La v√† ≈°koda", "Sơn La và škoda", "macintosh"],
    ["windows-1253 İ", "Δ°stanbul", "İstanbul", "windows-1253"],
    // ü, ö, õ, ø through cp437 are two box-drawing characters inside a word.
    // MacRoman's images of ɛ ɔ (C9 9B, C9 94) and of ḍ (E1 B8 8D) inside words.
    ["MacRoman IPA letters", "Kri: f…î …õn n…î g…õt", "Kri: fɔ ɛn nɔ gɛt", "macintosh"],
    ["MacRoman Latin Extended Additional", "uma·∏çal", "umaḍal", "macintosh"],
    // Hawaiian ʻokina (CA BB): a no-break space and "ª", or a letter and "»", inside a word.
    ["ʻokina through MacRoman", "Hawai\u00a0ªi", "Hawaiʻi", "macintosh"],
    ["ʻokina through windows-1250", "OĘ»ahu and HawaiĘ»i", "Oʻahu and Hawaiʻi", "windows-1250"],
    // Decomposed text: a combining mark (CC, CD) glued inside a word.
    ["Kabyle ḥ through Latin-1", "ttuhÌ£udden", "ttuh\u0323udden", "latin-1"],
    ["Kabyle ḥ through windows-1250", "ttuhĚŁudden", "ttuh\u0323udden", "windows-1250"],
    // A three-byte letter inside a word whose continuations are two word-final symbols.
    ["Toba ỹ through Latin-1", "qaá»¹aá»¹ateeta", "qaỹaỹateeta", "latin-1"],
    ["cp437 box drawing", "f├╝r sch├╢ne B├╢rsen; S├╕ren", "für schöne Börsen; Søren", "cp437"],
    ["windows-1251", "вЂњРїСЂРёРІРµС‚вЂќ", "“привет”", "windows-1251"],
    ["windows-1250", "cafĂ© in LiĂ¨ge", "café in Liège", "windows-1250"],
    ["windows-1253", "Ξ±Ξ»Ξ»Ξ¬", "αλλά", "windows-1253"],
    // Letters of one script glued to another's: "Гѓ" is the "Ã" of a Latin word.
    [
      "all-caps Portuguese through windows-1251",
      "NГѓO HГЃ ACORDO",
      "NÃO HÁ ACORDO",
      "windows-1251",
    ],
    // The letters of West African alphabets are IPA letters, and real ones there.
    ["Akan and Fon", "KÉ› É” fin; Ee nyi É–É” hÉ›nnu", "Kɛ ɔ fin; Ee nyi ɖɔ hɛnnu", "windows-1252"],
    // A Greek lead glued to a Latin letter, whatever follows it.
    ["Hausa through windows-1253", "he heΙ“i yamiroore", "he heɓi yamiroore", "windows-1253"],
    // "Ă" before a letter Romanian does not write is ISO-8859-2's image of C3.
    [
      "Spanish through ISO-8859-2",
      "la aspiraciĂłn mĂĄs elevada",
      "la aspiración más elevada",
      "iso-8859-2",
    ],
    // Two letters no language writes both of: "ĆØ" is Italian "è" through windows-1257.
    [
      "Italian through windows-1257",
      "che ĆØ indispensabile, dell'umanitĆ  siano",
      "che è indispensabile, dell'umanità siano",
      "windows-1257",
    ],
    // Two mathematical symbols against a letter are a letter through MacRoman.
    [
      "Mapudungun and Esperanto",
      "Ta√±i kai√±etuw, kontra≈≠",
      "Tañi kaiñetuw, kontraŭ",
      "macintosh",
    ],
    ["Hebrew through windows-1250", "×ˇ×¤×¨", "ספר", "windows-1250"],
    ["Arabic through MacRoman", "ŸÉÿ™ÿ®", "كتب", "macintosh"],
    ["å at the start of a word", "Ã¥ngstrÃ¶m", "ångström", "latin-1"],
  ])("%s", (_name, broken, fixed, path) => {
    const out = repairMojibake(broken);
    expect(out.text).toBe(fixed);
    expect(out.repairs[0]?.detail).toContain(path);
  });

  // Sibling code pages put a letter on different bytes; both decodes are clean
  // UTF-8, and the one that spells familiar letter sequences wins.
  it.each([
    ["Spanish", "iso-8859-2", "Mañana la compañía anunciará su dueño."],
    ["Portuguese", "iso-8859-2", "A produção de óxidos e as exportações cresceram."],
    ["Czech", "iso-8859-15", "Žena šla k řece; žába skočila."],
    ["Arabic", "iso-8859-15", "السعودية تبحث عن المعادن في باطن الأرض"],
    // Symbols the letter sequences cannot tell apart: "(¹0.2)", "l¡liure", "🀔" are weird.
    ["a tolerance", "iso-8859-2", "the ore grades 6.5 % REO (±0.2)."],
    ["Catalan", "iso-8859-2", "El govern català estudia l·liure circulació de minerals."],
    ["an emoji", "iso-8859-15", "Rare earths 🚀 — analysts 🤔 disagree."],
    // Both decodes are clean and their letter sequences tie; one alphabet holds ž, č and š.
    ["Montenegrin", "iso-8859-15", "krucijalne važnosti da ljudska prava, čovjek i društvo"],
  ])("%s through %s", (_name, path, text) => {
    const out = repairMojibake(iconv.decode(Buffer.from(text, "utf8"), path));
    expect(out.text).toBe(text);
    expect(out.repairs[0]?.detail).toContain(path);
  });

  it("reads a space after a Cyrillic letter as a space, not as a lost no-break space", () => {
    // "О" is CE through windows-1251, and CE A0 would be "Π".
    expect(repairMojibake("вЂњРїСЂРёРІРµС‚вЂќ — ФОСАГРО И УРАЛХИМ").text).toBe(
      "“привет” — ФОСАГРО И УРАЛХИМ",
    );
  });

  it("restores a no-break space that became a space", () => {
    expect(repairMojibake("dÃ©jÃ  vu, Ã  bientÃ´t").text).toBe("déjà vu, à bientôt");
  });

  it("repairs a line's unsigned spans through the code page its signed ones went through", () => {
    const text = "Der Münchner Konzern übernimmt 51 % der Anteile; Übernahmepreis: 1,2 Mrd. €.";
    for (const cp of ["windows-1250", "windows-1251", "cp437"]) {
      const broken = iconv.decode(Buffer.from(text, "utf8"), cp);
      expect(repairMojibake(`${text} — ${broken}`).text).toBe(`${text} — ${text}`);
    }
  });

  it("judges a span signed only by its neighbour's damage again once that damage is repaired", () => {
    // "ÄŒ" (Č) is two letters to the gate; beside the unrepaired "Å¡" it
    // scores no better decoded, beside "š" it does. The real "č" keeps the
    // line from being decoded whole.
    expect(repairMojibake("ÄŒeÅ¡tina a slovenčina").text).toBe("Čeština a slovenčina");
    expect(repairMojibake("Œuvre, Škoda et Ärger").text).toBe("Œuvre, Škoda et Ärger");
  });

  it("keeps a real word-final symbol in a damaged line, and a real word after a dash", () => {
    expect(repairMojibake("cafÃ© — AHÅ™ — ROMÂNĂ™").text).toBe("café — AHÅ™ — ROMÂNĂ™");
    expect(repairMojibake("cafÃ© — Œuvre, Škoda").text).toBe("café — Œuvre, Škoda");
  });

  it("does not take a decode that makes a private-use character, whatever signatures it removes", () => {
    // Through MacRoman "Ôôô" is the bytes of U+F659 and "Ã©" those of a combining mark.
    expect(repairMojibake("cafÃ© — Ôôô MEU DEUS — cafÃ©").text).toBe("café — Ôôô MEU DEUS — café");
    // A decode may not be weirder than its input; this one is, by the private-use character.
    expect(weirdness("caf\u0329 — \uF659 MEU")).toBeGreaterThan(weirdness("cafÃ© — Ôôô MEU"));
  });

  it("does not decode a correct word that a space joins to the damage", () => {
    // "СІ" of the Ukrainian word is "Ѳ" through windows-1251; the word shows no signature.
    expect(repairMojibake("вЂњРїСЂРёРІРµС‚вЂќ — СІЧЕНЬ 2025").text).toBe("“привет” — СІЧЕНЬ 2025");
    // Nor one with a signature pair in it that decodes into something weirder.
    expect(repairMojibake("вЂњРїСЂРёРІРµС‚вЂќ — НАТО: ЃОРЃИЈА ќе одлучи").text).toBe(
      "“привет” — НАТО: ЃОРЃИЈА ќе одлучи",
    );
    // Short damaged words without a signature of their own ("Рё" for "и") still read better.
    expect(repairMojibake("РїСЂРёРІРµС‚ Рё РјРёСЂ — СЃРѕСЋР· Рё РЅР°СЂРѕРґ").text).toBe(
      "привет и мир — союз и народ",
    );
  });

  it("does not prefer a decode that turns letters into combining marks", () => {
    const line = "Crème brûlée, naïve | CrÃ¨me brÃ»lÃ©e, naÃ¯ve";
    expect(repairMojibake(line).text).toBe("Crème brûlée, naïve | Crème brûlée, naïve");
  });

  it("restores Hebrew נ whose no-break-space byte became a space, and only before a letter", () => {
    const text = "מינתה נציג חדש למתכות הנדירות בנגב";
    const broken = iconv.decode(Buffer.from(text, "utf8"), "windows-1252").replace(/\u00a0/g, " ");
    expect(broken).toContain("× ×");
    expect(repairMojibake(broken).text).toBe(text);
    expect(repairMojibake("Tiles 3 × 4 cafÃ©").text).toBe("Tiles 3 × 4 café");
  });

  it("reads C1 controls as windows-1252 punctuation", () => {
    const out = repairMojibake("\u0093Quoted\u0094 and done\u0085");
    expect(out.text).toBe("“Quoted” and done…");
    expect(out.repairs).toEqual([
      { kind: "mojibake", count: 3, detail: "C1 controls read as windows-1252" },
    ]);
  });

  it("keeps U+FFFD only for a character whose byte was lost", () => {
    expect(repairMojibake("Ð¡Ð»Ð¾Ð²Ð¾ Ñ�Ð»Ð¾Ð²Ð¾").text).toBe("Слово \uFFFDлово");
  });

  it("reads a closing quote whose last byte was dropped", () => {
    expect(repairMojibake("It was â€œthe bestâ€ year").text).toBe("It was “the best” year");
  });

  it("marks an emoji whose last byte was lost as one lost character", () => {
    expect(repairMojibake("great ðŸ‘\uFFFD news").text).toBe("great \uFFFD news");
  });

  it("joins CESU-8 surrogate pairs", () => {
    expect(repairMojibake("launch í\u00a0½íº€ today").text).toBe("launch 🚀 today");
  });

  it.each([
    ["a dingbat", "âœ” Done", "✔ Done"],
    ["a capital inside a word", "Ä°zmir and RÄ«ga", "İzmir and Rīga"],
    ["combining strokes over symbols and digits", "price $Ì¶9Ì¶ now", "price $̶9̶ now"],
    ["a lost byte written as ?", "rated â€œaa+â€? by", "rated “aa+\uFFFD by"],
    [
      "à alone in a damaged line",
      "dÃ©placement relatifs Ã l’usage",
      "déplacement relatifs à l’usage",
    ],
    ["à before s'", "signe Ã s'Ã©loigner", "signe à s'éloigner"],
    ["two wrong code pages in a row", "Г‚ВЈ5.8bn", "£5.8bn"],
    // The middle layer ("âˆˆ", "â€˜") holds a spacing accent alone, weirder than either end.
    ["a middle layer weirder than both ends", "Nd Ã¢Ë†Ë† REE, Ã¢â‚¬Ëœsoon", "Nd ∈ REE, ‘soon"],
    // ISO-8859-15 reads the same bytes as "â⤨¬5" and "â⤠⤽", one layer short and wrong.
    ["a euro sign twice", "It costs Ã¢â€šÂ¬5 million.", "It costs €5 million."],
    ["an arrow twice", "Up Ã¢â€\u00a0â€œ 5%", "Up ↓ 5%"],
    // ISO-8859-15 reads "Ãš" as è: a word does not start small and go on in capitals.
    ["an all-caps word", "ÃšLTIMA HORA", "ÚLTIMA HORA"],
    // A line's one damaged word: "å" as a word, "š" and "ɓ" opening one.
    ["Norwegian å", "viktig Ã¥ fremme", "viktig å fremme"],
    ["Setswana š", "tse di Å¡sakgaditseng", "tse di šsakgaditseng"],
    ["Shimaore ɓ", "uwandzani É“aina ya", "uwandzani ɓaina ya"],
    ["ã and â inside words", "SÃ£o Paulo; sin lÃ¢kat", "São Paulo; sin lâkat"],
    // A capital, a word-final mark and a small letter open no word; a currency sign after
    // a lead image other than "Ã" is no price against a letter.
    ["ř opening a word", "a Å™ada", "a řada"],
    ["ť inside a word", "baÅ¥a", "baťa"],
    ["U+FFFD itself through windows-1252", "ï¿½ email", "\uFFFD email"],
    [
      "a soft hyphen deleted as invisible",
      "o antÃgeno e os nÃveis de condiÃ§Ãµes",
      "o antígeno e os níveis de condições",
    ],
    ["MacRoman Latin Extended-A", "ievƒìlƒìtƒÅs partijas", "ievēlētās partijas"],
    ["KOI8-R", "п∙я│п╩п╦ п▓я▀", "Если Вы"],
    ["a lost no-break space in windows-1257", "Å veices baÅ†Ä·ieri", "Šveices baņķieri"],
  ])("repairs %s", (_name, broken, fixed) => {
    expect(repairMojibake(broken).text).toBe(fixed);
  });

  it("takes a small letter over a capital inside a sentence, as franc's letters decide", () => {
    // "ÃŽ" is ô through ISO-8859-15 and Î through windows-1252; only a sentence's opening
    // letter asks for a capital.
    expect(repairMojibake("la cÃŽte").text).toBe("la côte");
  });

  it("leaves a closing guillemet of an opened quotation alone beside damage elsewhere", () => {
    const line = "cafÃ© — «Nadie sabe dónde está»…, repitió.";
    expect(repairMojibake(line).text).toBe("café — «Nadie sabe dónde está»…, repitió.");
  });

  it("repairs a span joined by a space to a real character no code page has", () => {
    expect(repairMojibake("≥ \u00e2\u0089\u00a5 40").text).toBe("≥ ≥ 40");
  });

  it("repairs one span without touching a real one beside it", () => {
    expect(repairMojibake("MOËT® at the cafÃ© tonight").text).toBe("MOËT® at the café tonight");
  });

  it("scores mojibake as less plausible than its repair", () => {
    expect(implausibility("GroupÃ¢â‚¬â„¢s")).toBeGreaterThan(implausibility("Group’s"));
    expect(implausibility("NESTLɮ")).toBeGreaterThan(implausibility("NESTLÉ®"));
  });

  // A letter its neighbours' words are not spelt with weighs as a signature: one weird
  // pair, plus two for the letter (an IPA letter against a Latin one, a Cyrillic or Arabic
  // letter between two letters of other scripts); beside a space or a digit, or among
  // letters of its own script, it is no sign.
  it.each([
    ["NESTLɮs", 3],
    ["BISTRԮs", 3],
    ["μٷm", 3],
    ["MÖBIUש s", 1],
    ["ɮ 5Ԯ кот", 0],
  ])("counts %s as %i weird", (text, weird) => {
    expect(weirdness(text)).toBe(weird);
  });
});

describe("one damaged letter alone in an English line", () => {
  // Its bytes through a code page, opening, inside or ending a word, are the only evidence
  // of damage in the line.
  it.each([
    ["The Mỹ Tho plant", "windows-1252"],
    ["Mr Nguyễn said", "windows-1252"],
    ["ụbcd appears", "iso-8859-1"],
    ["the word mỗi", "windows-1250"],
    ["Ấn capital", "windows-1257"],
    ["ợbcd here", "windows-1251"],
    // "бєў": Ukrainian є before Belarusian ў, no alphabet's pair (Ả through windows-1251).
    ["Ảbcd appears here.", "windows-1251"],
    // …or before a symbol: "бє§" is ầ.
    ["the word ầm", "windows-1251"],
    // A capital's letter pair after a small letter ("Ăş" is ú), and two capitals before
    // small letters: "ÄŤ" is č, "ĹŚ" Ō.
    ["the word música", "windows-1250"],
    ["the word abčcd", "windows-1250"],
    ["the Ōtaki plant", "windows-1250"],
    ["the word abcō", "windows-1250"],
    // A capital lead image and a mark opening a word ("Ă…": Å; "Å‘": Hungarian ő).
    ["Åbcd appears here.", "windows-1250"],
    ["the word ősz", "windows-1252"],
    // …and after a small letter: "Ĺ™" is Czech ř, "Č™" Romanian ș through windows-1250.
    ["the word přes", "windows-1250"],
    ["the word abcș", "windows-1250"],
    // "≈´" is ū through MacRoman: a spacing accent glued to a letter after "≈".
    ["the Tūhoe iwi", "macintosh"],
    // A capital opening a sentence, where ISO-8859-15 reads the same bytes as a small letter.
    ["Última hora: el precio sube", "windows-1252"],
    ["Prices fell. Ústí nad Labem", "windows-1252"],
  ])("restores %s through %s", (line, cp) => {
    const broken = iconv.decode(Buffer.from(line, "utf8"), cp);
    expect(broken).not.toBe(line);
    expect(repairMojibake(broken).text).toBe(line);
  });
});
