/**
 * Short lines that are page furniture wherever they stand, even inside the
 * story container: ad labels, "continue reading" bars, read-also and follow-us
 * prompts, tag lines. Only short lines are tested, so a sentence of the story
 * that merely starts like one ("Read more about it in the report, which …")
 * is kept.
 */

const maxLength = 120;
const chromeLine = new RegExp(
  [
    // ad labels and scroll bars
    "^(advertisement|advertising|sponsored( content)?|anzeige|werbung|publicité|publicidad|pubblicità|реклама|广告|廣告|広告)$",
    "^(story continues below( advertisement)?|continue reading( below| the main story)?|scroll (down )?to continue( reading)?|article continues (below|after))",
    // read-also and related prompts
    "^(read (more|also|next)|see also|related( articles?| stories| posts| coverage)?|more on this( story)?|lesen sie auch|mehr zum thema|auch interessant|lire aussi|à lire aussi|voir aussi|leer más|lea también|te puede interesar|leggi anche|читайте также|相关阅读|延伸阅读|推荐阅读|相关新闻|相关链接|关联阅读)\\s*[:：|]",
    // follow, subscribe and share prompts
    "^(follow us on|follow @|sign up (for|to)|subscribe (to|for)|click here to|share (this|on)|tweet this|like us on|folgen sie uns|abonnieren sie|suivez-nous|abonnez-vous|síguenos|suscríbete|关注我们|扫码关注|点击关注)",
    // tag lines
    "^(tags?|tagged( with)?|topics?|labels?|filed under|categor(y|ies)|schlagw(ö|o)rter|themen|étiquettes|mots-clés|etiquetas|temas|标签|关键词|文章关键词|タグ|теги)\\s*[:：]",
  ].join("|"),
  "i",
);

/** Whether a line is page furniture (an ad label, a read-also or follow-us prompt, a tag line). */
export function isChromeLine(line: string): boolean {
  return line.length <= maxLength && chromeLine.test(line);
}
