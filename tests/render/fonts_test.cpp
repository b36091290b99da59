// The font chain and the measurer, with the fonts installed on this machine
// (fonts-noto-core, fonts-noto-cjk, fonts-dejavu-core).
#include "render/fonts.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "render/canvas.h"
#include "support/files.h"

namespace foyer {
namespace {

using testing::SharedFonts;

const char kKazakhLetters[] = "ӘҒҚҢӨҰҮҺІәғқңөұүһі";
const char kEveryScript[] =
    "Astana Think Tank Forum: From Polarization to Partnership. "
    "Астанинский форум, 15–16 октября. "
    "Қазақстан стратегиялық зерттеулер институты. ӘҒҚҢӨҰҮҺІ әғқңөұүһі "
    "한국–중앙아시아 협력 会议 "
    "– — … → • · « » “ ” № ₸";

// Arabic, Persian (پ ژ گ ی, Persian digits) and Hebrew, with harakat and points.
const char kRightToLeftScripts[] =
    "الحوكمة العالمية وتعددية الأطراف، ۲۰۲۵ ٢٠٢٥ امنیت آب پژوهش چگونه گفتگو کیفیت "
    "ביטחון מים ושיתוף פעולה אזורי ₪ مُؤْتَمَرٌ שָׁלוֹם";

std::unique_ptr<FontChain> LoadWithoutSystemFallback() {
  FontChainOptions options;
  options.system_fallback = false;
  auto chain = FontChain::Load(options);
  REQUIRE_MESSAGE(chain.ok(), chain.status().ToString());
  return std::move(chain.value());
}

std::string FamilyOf(FontChain& fonts, const TextRun& run) {
  return fonts.faces()[run.face].family;
}

std::string Joined(const std::vector<TextRun>& runs) {
  std::string text;
  for (const TextRun& run : runs) text += run.text;
  return text;
}

// Which of fc-cache's files this process maps now.
std::string MappedFontCaches() {
  std::string maps = testing::ReadFile("/proc/self/maps"), caches;
  for (size_t at = maps.find(".cache-"); at != std::string::npos; at = maps.find(".cache-", at + 1))
    caches += maps.substr(maps.rfind(' ', at) + 1, maps.find('\n', at) - maps.rfind(' ', at));
  return caches;
}

TEST_CASE("a loaded chain leaves no fontconfig cache mapped, and still finds fonts it lacks") {
  auto chain = FontChain::Load();  // ctest runs each test in a process of its own
  REQUIRE(chain.ok());
  CHECK(MappedFontCaches().empty());
  // ᚠ is in none of the chain's families, but in Noto Sans Runic
  // (fonts-noto-core): found through fontconfig, loaded again.
  CHECK((*chain)->Covers(U'\u16A0'));
  REQUIRE(!(*chain)->faces().empty());
  CHECK((*chain)->faces().back().family == "Noto Sans Runic");
  CHECK((*chain)->faces().back().from_system_fallback);
}

TEST_CASE("the chain's own fonts have a glyph for every codepoint of every script a title uses") {
  auto fonts = LoadWithoutSystemFallback();
  for (char32_t c : DecodeUtf8(kEveryScript)) {
    INFO("U+" << std::hex << static_cast<unsigned>(c));
    CHECK(fonts->Covers(c));
  }
}

TEST_CASE("the chain starts with Noto Sans and has Noto Sans CJK KR from its collection") {
  FontChain& fonts = SharedFonts();
  REQUIRE(fonts.faces().size() >= 2);
  CHECK(fonts.faces()[0].family == "Noto Sans");
  CHECK_FALSE(fonts.faces()[0].bold.synthetic_bold);
  bool has_cjk = false;
  for (const FontFace& face : fonts.faces()) {
    if (face.family != "Noto Sans CJK KR") continue;
    has_cjk = true;
    CHECK(face.regular.path.find(".ttc") != std::string::npos);
    CHECK(face.regular.index > 0);  // KR is not the collection's first face
  }
  CHECK(has_cjk);
}

TEST_CASE("a codepoint that no installed font has is not covered") {
  CHECK_FALSE(SharedFonts().Covers(0x0378));  // unassigned
  CHECK_FALSE(SharedFonts().Covers(0x10FFFD));
}

TEST_CASE("Kazakh letters are drawn with Noto Sans and never with the CJK font") {
  FontChain& fonts = SharedFonts();
  TextStyle style{24, FontWeight::kRegular};
  for (FontWeight weight : {FontWeight::kRegular, FontWeight::kBold}) {
    style.weight = weight;
    for (char32_t c : DecodeUtf8(kKazakhLetters)) {
      std::string letter;
      AppendUtf8(letter, c);
      auto runs = fonts.Runs(letter, style);
      REQUIRE(runs.size() == 1);
      CHECK(FamilyOf(fonts, runs[0]) == "Noto Sans");
      CHECK(runs[0].script == "Cyrl");
    }
  }
  auto runs = fonts.Runs("Қазақстан Республикасы", style);
  REQUIRE(runs.size() == 1);
  CHECK(FamilyOf(fonts, runs[0]) == "Noto Sans");
}

TEST_CASE("Hangul is drawn with Noto Sans CJK KR and the dash between with Noto Sans") {
  FontChain& fonts = SharedFonts();
  auto runs = fonts.Runs("한국–중앙아시아 협력", TextStyle{24, FontWeight::kRegular});
  REQUIRE(runs.size() == 3);
  CHECK(runs[0].text == "한국");
  CHECK(FamilyOf(fonts, runs[0]) == "Noto Sans CJK KR");
  CHECK(runs[0].script == "Hang");
  CHECK(runs[1].text == "–");
  CHECK(FamilyOf(fonts, runs[1]) == "Noto Sans");
  CHECK(runs[2].text == "중앙아시아 협력");  // the space stays with the Hangul
  CHECK(FamilyOf(fonts, runs[2]) == "Noto Sans CJK KR");

  auto chinese = fonts.Runs("会议", TextStyle{24, FontWeight::kRegular});
  REQUIRE(chinese.size() == 1);
  CHECK(FamilyOf(fonts, chinese[0]) == "Noto Sans CJK KR");
  CHECK(chinese[0].script == "Hani");
}

TEST_CASE("runs split where the script changes and keep combining marks with their letter") {
  FontChain& fonts = SharedFonts();
  TextStyle style{24, FontWeight::kRegular};
  auto runs = fonts.Runs("Astana Астана", style);
  REQUIRE(runs.size() == 2);
  CHECK(runs[0].text == "Astana ");
  CHECK(runs[0].script == "Latn");
  CHECK(runs[1].text == "Астана");
  CHECK(runs[1].script == "Cyrl");

  // U+0301 COMBINING ACUTE ACCENT after a Hangul syllable stays in its run.
  auto marked = fonts.Runs("한\u0301", style);
  REQUIRE(marked.size() == 1);
  CHECK(marked[0].text == "한\u0301");

  // Text in the runs is the input minus control characters.
  CHECK(Joined(fonts.Runs("a\tb\x01"
                          "c",
                          style)) == "abc");
  CHECK(Joined(fonts.Runs(kEveryScript, style)) == kEveryScript);
  CHECK(fonts.Runs("", style).empty());
}

TEST_CASE("bold text is drawn with the bold faces") {
  FontChain& fonts = SharedFonts();
  TextStyle bold{24, FontWeight::kBold};
  for (const TextRun& run : fonts.Runs("Қазақстан 한국", bold)) {
    TTF_Font* font = fonts.FontForRun(run, bold);
    REQUIRE(font != nullptr);
    CHECK(std::string(TTF_FontFaceStyleName(font)) == "Bold");
  }
}

TEST_CASE("a missing family is reported with its fontconfig pattern and Debian package") {
  FontChainOptions options;
  options.families = {{"Foyer Missing Sans", "fonts-foyer-missing", true}};
  options.system_fallback = false;
  auto chain = FontChain::Load(options);
  REQUIRE_FALSE(chain.ok());
  const std::string message = chain.status().message();
  CHECK(message.find("\"Foyer Missing Sans:style=Regular\"") != std::string::npos);
  CHECK(message.find("fonts-foyer-missing") != std::string::npos);
}

TEST_CASE("fonts are opened lazily, once per face and weight whatever the size") {
  auto fonts = LoadWithoutSystemFallback();
  const int at_load = fonts->open_fonts();  // the first face, to check that some font is usable
  CHECK(at_load == 1);
  FontMeasurer measurer(fonts.get());
  const int small = measurer.Width("Astana", TextStyle{40, FontWeight::kRegular});
  const int large = measurer.Width("Astana", TextStyle{80, FontWeight::kRegular});
  CHECK(measurer.Width("Forum", TextStyle{60, FontWeight::kRegular}) > 0);
  CHECK(fonts->open_fonts() == at_load);
  // The same face set to another size and back measures as it did.
  CHECK(large > small * 3 / 2);
  FontMeasurer fresh(fonts.get());
  CHECK(fresh.Width("Astana", TextStyle{40, FontWeight::kRegular}) == small);
  measurer.Width("Forum", TextStyle{40, FontWeight::kBold});
  CHECK(fonts->open_fonts() == at_load + 1);
}

int FaceOf(const FontChain& fonts, const std::string& family) {
  for (int i = 0; i < static_cast<int>(fonts.faces().size()); ++i)
    if (fonts.faces()[i].family == family) return i;
  return -1;
}

TEST_CASE("Hangul opens the Korean font and none of the fonts before it that lack Hangul") {
  auto fonts = LoadWithoutSystemFallback();
  REQUIRE(FaceOf(*fonts, "Noto Sans Symbols") > 0);  // between Noto Sans and the Korean font
  FontMeasurer measurer(fonts.get());
  CHECK(measurer.Width("서울", TextStyle{40, FontWeight::kRegular}) > 0);
  CHECK(fonts->open_fonts() == 2);  // Noto Sans and Noto Sans CJK KR, regular
  const std::vector<TextRun> runs = fonts->Runs("서울", TextStyle{40, FontWeight::kRegular});
  REQUIRE(runs.size() == 1);
  CHECK(fonts->faces()[runs[0].face].family == "Noto Sans CJK KR");
  // A symbol only Noto Sans Symbols2 has opens that one alone.
  CHECK(measurer.Width("\u2B95", TextStyle{40, FontWeight::kRegular}) > 0);  // ⮕
  CHECK(fonts->open_fonts() == 3);
}

// The styles a screen draws with, and some it might.
std::vector<TextStyle> SomeStyles() {
  std::vector<TextStyle> styles;
  for (int size : {1, 9, 12, 16, 21, 24, 31, 48, 64, 96, 150, 200, 400, 2048})
    for (FontWeight weight : {FontWeight::kRegular, FontWeight::kBold})
      styles.push_back({size, weight});
  return styles;
}

TEST_CASE("a screen in English and Kazakh opens only Noto Sans, not the CJK faces") {
  auto fonts = LoadWithoutSystemFallback();
  const int cjk = FaceOf(*fonts, "Noto Sans CJK KR");
  REQUIRE(cjk > 0);
  FontMeasurer measurer(fonts.get());
  for (const TextStyle& style : SomeStyles()) {
    CHECK(measurer.LineHeight(style) > 0);  // the CJK face sets line height, unopened
    CHECK(measurer.Width("Astana Think Tank Forum 2025", style) > 0);
    CHECK(measurer.Width("Қазақстан стратегиялық зерттеулер институты", style) > 0);
  }
  CHECK(fonts->open_fonts() == 2);  // Noto Sans, regular and bold
  const std::string described = fonts->Describe();
  const size_t cjk_line = described.find("Noto Sans CJK KR: ");
  REQUIRE(cjk_line != std::string::npos);
  CHECK(described.find("(opened when first needed)", cjk_line) < described.find('\n', cjk_line));
}

TEST_CASE("Hangul opens the CJK faces, and line heights are the same before and after") {
  auto latin_only = LoadWithoutSystemFallback();
  FontMeasurer latin_measurer(latin_only.get());
  std::vector<LineMetrics> unopened;
  for (const TextStyle& style : SomeStyles()) {
    unopened.push_back(latin_only->Metrics(style));
    latin_measurer.Width("Қазақстан", style);
  }
  CHECK(latin_only->open_fonts() == 2);

  auto fonts = LoadWithoutSystemFallback();
  const int cjk = FaceOf(*fonts, "Noto Sans CJK KR");
  REQUIRE(cjk > 0);
  const int before = fonts->open_fonts();
  const LineMetrics before_hangul = fonts->Metrics(TextStyle{24, FontWeight::kRegular});
  FontMeasurer measurer(fonts.get());
  for (size_t i = 0; i < SomeStyles().size(); ++i) {
    const TextStyle style = SomeStyles()[i];
    INFO("size " << style.pixel_size << (style.weight == FontWeight::kBold ? " bold" : ""));
    auto hangul = fonts->Runs("서울", style);
    REQUIRE(hangul.size() == 1);
    CHECK(hangul[0].face == cjk);
    TTF_Font* korean = fonts->FontForRun(hangul[0], style);
    REQUIRE(korean != nullptr);
    const int korean_descent = -TTF_FontDescent(korean), korean_skip = TTF_FontLineSkip(korean);
    auto latin = fonts->Runs("Қазақстан", style);
    REQUIRE(latin.size() == 1);
    TTF_Font* first = fonts->FontForRun(latin[0], style);
    REQUIRE(first != nullptr);
    // What Metrics gave, computed here from the open faces through SDL_ttf.
    const int ascent = TTF_FontAscent(first);
    const int line_height = std::max({TTF_FontLineSkip(first), korean_skip,
                                      ascent + std::max(-TTF_FontDescent(first), korean_descent)});
    CHECK(unopened[i].ascent == ascent);
    CHECK(unopened[i].line_height == line_height);
    CHECK(fonts->Metrics(style).line_height == line_height);
    CHECK(measurer.LineHeight(style) == unopened[i].line_height);
    CHECK(measurer.Width("서울", style) > 0);
  }
  CHECK(fonts->open_fonts() > before);
  CHECK(fonts->Metrics(TextStyle{24, FontWeight::kRegular}).line_height ==
        before_hangul.line_height);
  const std::string described = fonts->Describe();
  const size_t cjk_line = described.find("Noto Sans CJK KR: ");
  REQUIRE(cjk_line != std::string::npos);
  CHECK(described.find("(opened when first needed)", cjk_line) > described.find('\n', cjk_line));
}

// What body writes to stderr (where foyer logs).
std::string StderrOf(const std::function<void()>& body) {
  testing::TempDir dir;
  const std::string path = dir.File("stderr");
  std::fflush(stderr);
  const int saved = dup(2);
  const int file = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  REQUIRE(file >= 0);
  dup2(file, 2);
  close(file);
  body();
  std::fflush(stderr);
  dup2(saved, 2);
  close(saved);
  return testing::ReadFile(path);
}

int Occurrences(const std::string& text, const std::string& part) {
  int count = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

TEST_CASE("a face that cannot be opened when first needed is logged once and covers nothing") {
  // Noto Sans and DejaVu Sans from a folder of their own, where DejaVu Sans
  // is deleted after Load: fontconfig found it, but it cannot be opened.
  testing::TempDir dir;
  const std::string noto = dir.File("NotoSans-Regular.ttf"), dejavu = dir.File("DejaVuSans.ttf");
  std::filesystem::copy_file("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", noto);
  std::filesystem::copy_file("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", dejavu);
  testing::WriteFile(dir.File("fonts.conf"), "<?xml version=\"1.0\"?>\n<fontconfig><dir>" +
                                                 dir.path() + "</dir><cachedir>" +
                                                 dir.File("cache") + "</cachedir></fontconfig>\n");
  // A codepoint DejaVu Sans has and Noto Sans lacks.
  char32_t only_dejavu = 0;
  {
    TtfLibrary ttf;
    TTF_Font* noto_font = TTF_OpenFont(noto.c_str(), 16);
    TTF_Font* dejavu_font = TTF_OpenFont(dejavu.c_str(), 16);
    REQUIRE((noto_font && dejavu_font));
    for (char32_t c : {U'\u2580', U'\u2591', U'\u2622', U'\u263A', U'\u2660', U'\u2318'})
      if (!only_dejavu && TTF_GlyphIsProvided32(dejavu_font, c) &&
          !TTF_GlyphIsProvided32(noto_font, c))
        only_dejavu = c;
    TTF_CloseFont(noto_font);
    TTF_CloseFont(dejavu_font);
  }
  REQUIRE(only_dejavu != 0);

  setenv("FONTCONFIG_FILE", dir.File("fonts.conf").c_str(), 1);
  FontChainOptions options;
  options.families = {{"Noto Sans", "fonts-noto-core", true},
                      {"DejaVu Sans", "fonts-dejavu-core", false}};
  options.system_fallback = false;
  auto fonts = FontChain::Load(options);
  unsetenv("FONTCONFIG_FILE");
  REQUIRE_MESSAGE(fonts.ok(), fonts.status().ToString());
  REQUIRE((*fonts)->faces().size() == 2);
  CHECK((*fonts)->faces()[1].regular.path == dejavu);
  CHECK((*fonts)->open_fonts() == 1);
  CHECK((*fonts)->Describe().find("(opened when first needed)") != std::string::npos);

  std::filesystem::remove(dejavu);
  const std::string logged = StderrOf([&] {
    CHECK_FALSE((*fonts)->Covers(only_dejavu));
    CHECK_FALSE((*fonts)->Covers(only_dejavu));
    CHECK((*fonts)->Covers(U'A'));
  });
  CHECK(Occurrences(logged, "fonts: cannot open " + dejavu) == 1);
  CHECK((*fonts)->open_fonts() == 1);
  CHECK((*fonts)->Describe().find("(cannot be opened: covers nothing)") != std::string::npos);
}

TEST_CASE("a fallback face's bold is looked up only once bold text needs that face") {
  auto fonts = LoadWithoutSystemFallback();
  CHECK(fonts->faces()[0].bold_resolved);
  int arabic = -1;
  for (int i = 0; i < static_cast<int>(fonts->faces().size()); ++i)
    if (fonts->faces()[i].family == "Noto Sans Arabic") arabic = i;
  REQUIRE(arabic > 0);
  CHECK_FALSE(fonts->faces()[arabic].bold_resolved);
  FontMeasurer measurer(fonts.get());
  measurer.Width("Forum", TextStyle{40, FontWeight::kBold});
  measurer.Width("\u0645\u0646\u062A\u062F\u0649", TextStyle{40, FontWeight::kRegular});
  CHECK_FALSE(fonts->faces()[arabic].bold_resolved);
  CHECK(measurer.Width("\u0645\u0646\u062A\u062F\u0649", TextStyle{40, FontWeight::kBold}) > 0);
  CHECK(fonts->faces()[arabic].bold_resolved);
}

TEST_CASE("measured widths grow with the text and with the size") {
  FontMeasurer measurer(&SharedFonts());
  TextStyle small{20, FontWeight::kRegular}, large{40, FontWeight::kRegular};
  CHECK(measurer.Width("", small) == 0);
  int forum = measurer.Width("Forum", small);
  CHECK(forum > 0);
  CHECK(measurer.Width("Forum Astana", small) > forum);
  CHECK(measurer.Width("Forum", large) > forum * 3 / 2);
  CHECK(measurer.Width("Forum", TextStyle{20, FontWeight::kBold}) > forum);

  int korean = measurer.Width("한국–중앙아시아 협력", small);
  CHECK(korean > 0);
  // Each Hangul syllable is about one em wide: 9 syllables plus a dash and a space.
  CHECK(korean > 9 * 20 * 8 / 10);
  CHECK(measurer.Width("한국–중앙아시아 협력", large) > korean);
  CHECK(measurer.Width("Қазақстан", small) > 0);
}

TEST_CASE("the line height depends on the style only and leaves room for every script") {
  FontChain& fonts = SharedFonts();
  FontMeasurer measurer(&fonts);
  for (int size : {12, 24, 48, 96}) {
    TextStyle style{size, FontWeight::kRegular};
    LineMetrics metrics = fonts.Metrics(style);
    CHECK(measurer.LineHeight(style) == metrics.line_height);
    CHECK(metrics.line_height >= size);
    CHECK(metrics.line_height <= size * 2);
    CHECK(metrics.ascent < metrics.line_height);
    // The CJK font's descent fits below the shared baseline.
    for (const TextRun& run : fonts.Runs("한", style)) {
      TTF_Font* font = fonts.FontForRun(run, style);
      REQUIRE(font != nullptr);
      CHECK(metrics.ascent - TTF_FontDescent(font) <= metrics.line_height);
      CHECK(TTF_FontLineSkip(font) <= metrics.line_height);  // spaced as the CJK font asks
    }
  }
  CHECK(measurer.LineHeight(TextStyle{48, FontWeight::kRegular}) >
        measurer.LineHeight(TextStyle{24, FontWeight::kRegular}));
}

TEST_CASE("Arabic, Persian and Hebrew are drawn with Noto Sans Arabic and Noto Sans Hebrew") {
  auto fonts = LoadWithoutSystemFallback();
  for (char32_t c : DecodeUtf8(kRightToLeftScripts)) {
    INFO("U+" << std::hex << static_cast<unsigned>(c));
    CHECK(fonts->Covers(c));
  }
  TextStyle style{24, FontWeight::kRegular};
  for (const char* word : {"الأمن", "پژوهش", "مُؤْتَمَرٌ"}) {
    auto runs = fonts->Runs(word, style);
    REQUIRE(runs.size() == 1);
    CHECK(FamilyOf(*fonts, runs[0]) == "Noto Sans Arabic");
    CHECK(runs[0].script == "Arab");
    CHECK(runs[0].right_to_left);
  }
  auto hebrew = fonts->Runs("שָׁלוֹם", TextStyle{24, FontWeight::kBold});
  REQUIRE(hebrew.size() == 1);
  CHECK(FamilyOf(*fonts, hebrew[0]) == "Noto Sans Hebrew");
  CHECK(hebrew[0].script == "Hebr");
  CHECK(hebrew[0].right_to_left);
}

TEST_CASE("an Arabic word in an English line keeps a space on each side") {
  FontChain& fonts = SharedFonts();
  TextStyle style{24, FontWeight::kRegular};
  auto runs = fonts.Runs("Water بالعالم and", style);
  REQUIRE(runs.size() == 3);
  CHECK(runs[0].text == "Water ");
  CHECK_FALSE(runs[0].right_to_left);
  CHECK(runs[1].text == "بالعالم");
  CHECK(runs[1].right_to_left);
  CHECK(runs[2].text == " and");
  CHECK_FALSE(runs[2].right_to_left);
  FontMeasurer measurer(&fonts);
  const int space = measurer.Width("a b", style) - measurer.Width("ab", style);
  REQUIRE(space > 0);
  CHECK(measurer.Width("Water بالعالم and", style) >=
        measurer.Width("Water", style) + measurer.Width("بالعالم", style) +
            measurer.Width("and", style) + 2 * space - 2);
}

TEST_CASE("a right-to-left line comes in visual order: its first word on the right") {
  FontChain& fonts = SharedFonts();
  auto runs = fonts.Runs("שלום world 2025", TextStyle{24, FontWeight::kRegular});
  REQUIRE(runs.size() == 2);
  CHECK(runs[0].text == "world 2025");  // digits after a Latin word read with it
  CHECK_FALSE(runs[0].right_to_left);
  CHECK(runs[1].text == "שלום ");
  CHECK(runs[1].right_to_left);
}

TEST_CASE("a number in Hebrew in an English line comes out in the algorithm's order") {
  // Levels: "abc " 0, "אבג " 1, "123" 2, " " 1, "דהו" 1, " def" 0. Rule L2
  // reverses the Hebrew stretch, and the number inside it reads left to right.
  std::vector<std::string> texts;
  for (const TextRun& run : SharedFonts().Runs("abc אבג 123 דהו def", TextStyle{24}))
    texts.push_back(run.text);
  CHECK(texts == std::vector<std::string>{"abc ", "דהו", " ", "123", "אבג ", " def"});
}

TEST_CASE("bidi controls are applied, then dropped: an override reverses, an isolate is seamless") {
  FontChain& fonts = SharedFonts();
  TextStyle style{24, FontWeight::kRegular};
  const std::string override_left = "\xE2\x80\xAE", pop_formatting = "\xE2\x80\xAC";
  auto runs = fonts.Runs("ab" + override_left + "cd" + pop_formatting + "ef", style);
  REQUIRE(runs.size() == 3);
  CHECK(runs[1].text == "cd");
  CHECK(runs[1].right_to_left);  // HarfBuzz draws it "dc"
  CHECK(Joined(runs) == "abcdef");
  // Left-to-right text isolated in left-to-right text is shaped as if the isolate were not there.
  auto isolated = fonts.Runs("Title — \u2068Speakers\u2069", style);
  REQUIRE(isolated.size() == 1);
  CHECK(isolated[0].text == "Title — Speakers");
  // An override the text never closes ends with it.
  CHECK(Joined(fonts.Runs(override_left + "abc", style)) == "abc");
}

TEST_CASE("at most three combining marks stay on a letter") {
  std::string zalgo = "Z";
  for (int i = 0; i < 30; ++i) zalgo += "\u0301";
  auto runs = SharedFonts().Runs(zalgo, TextStyle{24, FontWeight::kRegular});
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].text == "Z\u0301\u0301\u0301");
}

}  // namespace
}  // namespace foyer
