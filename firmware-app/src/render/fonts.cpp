#include "render/fonts.h"

#include <fribidi.h>

#include <algorithm>
#include <cstdio>
#include <optional>

#include "base/log.h"
#include "base/utf8.h"
#include "layout/shown_text.h"
#include "render/face_metrics.h"

namespace foyer {
namespace {

// Coverage is checked on the font opened at this size (coverage does not
// depend on size; this size is often drawn anyway).
constexpr int kCoverageSize = 16;
constexpr int kMinPixelSize = 1;
constexpr int kMaxPixelSize = 2048;
constexpr int kMaxSystemFallbackFaces = 16;
// What one entry of a cache costs besides its key's bytes, as the caps count it
// (libstdc++ on 64 bits: a hash node with its next pointer and stored hash,
// the bucket pointing at it; a map node's three pointers and colour).
constexpr size_t kMissEntryBytes = 32;     // unordered_set<char32_t>
constexpr size_t kMetricsEntryBytes = 48;  // map<pair<int, int>, LineMetrics>
constexpr size_t kWidthEntryBytes = 64;    // unordered_map<string, int>, less the text

std::string CodepointName(char32_t codepoint) {
  char name[16];
  std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(codepoint));
  return name;
}

int ClampSize(int pixel_size) { return std::clamp(pixel_size, kMinPixelSize, kMaxPixelSize); }

// --- Scripts ---------------------------------------------------------------

struct Script {
  const char* tag;  // null: neutral (digits, punctuation, spaces, symbols)
};

bool InRange(char32_t c, char32_t low, char32_t high) { return c >= low && c <= high; }

// Marks that belong to the codepoint before them: combining marks, joiners,
// variation selectors.
bool IsInherited(char32_t c) {
  return IsCombiningMark(c) || InRange(c, 0x0300, 0x036F) || InRange(c, 0x0483, 0x0489) ||
         InRange(c, 0x1AB0, 0x1AFF) || InRange(c, 0x1DC0, 0x1DFF) || InRange(c, 0x20D0, 0x20FF) ||
         InRange(c, 0xFE20, 0xFE2F) || c == 0x200C || c == 0x200D || InRange(c, 0xFE00, 0xFE0F) ||
         InRange(c, 0xE0100, 0xE01EF) || InRange(c, 0x3099, 0x309A);
}

bool IsWhitespace(char32_t c) {
  return c == ' ' || c == 0x00A0 || InRange(c, 0x2000, 0x200A) || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

// Characters not worth drawing: C0/C1 controls, DEL, byte order marks.
bool IsDropped(char32_t c) { return c < 0x20 || InRange(c, 0x7F, 0x9F) || c == 0xFEFF; }

// The script of a letter, for HarfBuzz; by block, which is enough to pick
// shaping rules (no ICU on the board).
Script ScriptOf(char32_t c) {
  if (c < 0x80) return {((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? "Latn" : nullptr};
  if (InRange(c, 0x00C0, 0x024F)) return {(c == 0xD7 || c == 0xF7) ? nullptr : "Latn"};
  if (InRange(c, 0x0250, 0x02AF) || InRange(c, 0x1E00, 0x1EFF) || InRange(c, 0x2C60, 0x2C7F) ||
      InRange(c, 0xA720, 0xA7FF) || InRange(c, 0xAB30, 0xAB6F) || InRange(c, 0xFF21, 0xFF3A) ||
      InRange(c, 0xFF41, 0xFF5A))
    return {"Latn"};
  if (InRange(c, 0x0370, 0x03FF) || InRange(c, 0x1F00, 0x1FFF))
    return {(c == 0x037E || c == 0x0387) ? nullptr : "Grek"};
  if (InRange(c, 0x0400, 0x052F) || InRange(c, 0x1C80, 0x1C8F) || InRange(c, 0x2DE0, 0x2DFF) ||
      InRange(c, 0xA640, 0xA69F))
    return {"Cyrl"};
  if (InRange(c, 0x0530, 0x058F)) return {"Armn"};
  if (InRange(c, 0x0590, 0x05FF) || InRange(c, 0xFB1D, 0xFB4F)) return {"Hebr"};
  if (InRange(c, 0x0600, 0x06FF) || InRange(c, 0x0750, 0x077F) || InRange(c, 0x08A0, 0x08FF) ||
      InRange(c, 0xFB50, 0xFDFF) || InRange(c, 0xFE70, 0xFEFF))
    return {(c == 0x060C || c == 0x061B || c == 0x061F || c == 0x0640) ? nullptr : "Arab"};
  if (InRange(c, 0x0900, 0x097F)) return {"Deva"};
  if (InRange(c, 0x0E00, 0x0E7F)) return {"Thai"};
  if (InRange(c, 0x10A0, 0x10FF) || InRange(c, 0x2D00, 0x2D2F)) return {"Geor"};
  switch (CjkScriptOf(c)) {
    case CjkScript::kHangul:
      return {"Hang"};
    case CjkScript::kHiragana:
      return {"Hira"};
    case CjkScript::kKatakana:
      return {"Kana"};
    case CjkScript::kHan:
      return {"Hani"};
    case CjkScript::kNone:
      break;
  }
  return {nullptr};
}

// --- Bidirectional text ----------------------------------------------------

// A line's codepoints as drawn, in logical order, with their resolved levels
// (odd: right to left).
struct LevelledText {
  std::vector<char32_t> codepoints;
  std::vector<std::int8_t> levels;  // FriBidiLevel
};

// The codepoints of text worth drawing: no controls, at most kMaxMarksPerBase
// combining marks on one character (as layout keeps them).
std::vector<char32_t> DrawnCodepoints(std::string_view text) {
  std::vector<char32_t> drawn;
  int marks = 0;
  for (char32_t c : DecodeUtf8(text)) {
    if (IsDropped(c)) continue;
    if (IsCombiningMark(c) && !drawn.empty()) {
      if (marks >= kMaxMarksPerBase) continue;
      ++marks;
    } else {
      marks = 0;
    }
    drawn.push_back(c);
  }
  return drawn;
}

// Resolves the levels of one line by the Unicode bidirectional algorithm
// (FriBidi: rules P2 to L1), then drops the invisible bidi controls.
LevelledText ResolveLevels(std::vector<char32_t> codepoints, bool right_to_left) {
  const auto length = static_cast<FriBidiStrIndex>(codepoints.size());
  const std::vector<FriBidiChar> chars(codepoints.begin(), codepoints.end());
  std::vector<FriBidiCharType> types(codepoints.size());
  std::vector<FriBidiBracketType> brackets(codepoints.size());
  std::vector<FriBidiLevel> levels(codepoints.size(), right_to_left ? 1 : 0);
  fribidi_get_bidi_types(chars.data(), length, types.data());
  fribidi_get_bracket_types(chars.data(), length, types.data(), brackets.data());
  FriBidiParType base = right_to_left ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
  // fribidi_reorder_line only for rule L1's trailing whitespace; the runs are
  // reordered below. Both fail only when out of memory: then one level for all.
  const bool resolved =
      length > 0 &&
      fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), length, &base,
                                          levels.data()) > 0 &&
      fribidi_reorder_line(0, types.data(), length, 0, base, levels.data(), nullptr, nullptr) > 0;
  if (!resolved) std::fill(levels.begin(), levels.end(), right_to_left ? 1 : 0);
  LevelledText line;
  for (size_t i = 0; i < codepoints.size(); ++i) {
    if (IsBidiControl(codepoints[i])) continue;
    line.codepoints.push_back(codepoints[i]);
    line.levels.push_back(levels[i]);
  }
  return line;
}

// A run while the line is split, with where it lies in the logical order.
struct LevelledRun {
  TextRun run;
  int level = 0;
  size_t first = 0, end = 0;  // codepoints [first, end) of the line
};

// Splits a line whose codepoint i is drawn with faces[i] into runs of one
// face, script and level; combining marks stay with the codepoint before them.
std::vector<LevelledRun> SplitRuns(const LevelledText& line, const std::vector<int>& faces) {
  std::vector<LevelledRun> runs;
  for (size_t i = 0; i < line.codepoints.size(); ++i) {
    const char32_t c = line.codepoints[i];
    const Script script = ScriptOf(c);
    LevelledRun* current = runs.empty() ? nullptr : &runs.back();
    const bool joins =
        current &&
        (IsInherited(c) ||
         (current->run.face == faces[i] && current->level == line.levels[i] &&
          (!script.tag || current->run.script == "Zyyy" || current->run.script == script.tag)));
    if (!joins) {
      runs.push_back(
          {TextRun{"", faces[i], "Zyyy", (line.levels[i] & 1) != 0}, line.levels[i], i, i});
      current = &runs.back();
    }
    if (script.tag && current->run.script == "Zyyy") current->run.script = script.tag;
    AppendUtf8(current->run.text, c);
    current->end = i + 1;
  }
  return runs;
}

// Rule L2 on whole runs: from the highest level down to the lowest odd level
// (the lowest level on the line, rounded up to odd), every stretch of runs at
// that level or above is reversed.
void ReorderRuns(std::vector<LevelledRun>& runs) {
  int highest = 0, lowest = 255;
  for (const LevelledRun& run : runs) {
    highest = std::max(highest, run.level);
    lowest = std::min(lowest, run.level);
  }
  for (int level = highest; level >= (lowest | 1); --level) {
    for (size_t i = 0; i < runs.size();) {
      if (runs[i].level < level) {
        ++i;
        continue;
      }
      size_t end = i;
      while (end < runs.size() && runs[end].level >= level) ++end;
      std::reverse(runs.begin() + i, runs.begin() + end);
      i = end;
    }
  }
}

// Joins neighbouring runs (in visual order) of one face, direction and script
// that are also neighbours in the logical order, e.g. across an isolate of the
// same direction: HarfBuzz then shapes them as one, as if the isolate were not there.
std::vector<TextRun> JoinNeighbours(std::vector<LevelledRun> runs) {
  std::vector<LevelledRun> joined;
  for (LevelledRun& run : runs) {
    LevelledRun* last = joined.empty() ? nullptr : &joined.back();
    const bool rtl = run.run.right_to_left;
    const bool adjacent = last && (rtl ? run.end == last->first : last->end == run.first);
    if (adjacent && last->run.right_to_left == rtl && last->run.face == run.run.face &&
        (last->run.script == run.run.script || run.run.script == "Zyyy" ||
         last->run.script == "Zyyy")) {
      if (last->run.script == "Zyyy") last->run.script = run.run.script;
      last->run.text = rtl ? run.run.text + last->run.text : last->run.text + run.run.text;
      last->first = std::min(last->first, run.first);
      last->end = std::max(last->end, run.end);
      continue;
    }
    joined.push_back(std::move(run));
  }
  std::vector<TextRun> result;
  for (LevelledRun& run : joined) result.push_back(std::move(run.run));
  return result;
}

// Finds `face`'s bold through the catalog, once; without one, SDL_ttf
// emboldens the regular face. A fontconfig match costs ~1 M instructions,
// so a fallback face's bold is looked for only when bold text needs it.
void ResolveBold(FontCatalog& catalog, FontFace& face) {
  if (face.bold_resolved) return;
  face.bold_resolved = true;
  if (catalog.Match(face.family, FontWeight::kBold, &face.bold)) return;
  face.bold = face.regular;
  face.bold.synthetic_bold = true;
}

bool SameFile(const FontFile& a, const FontFile& b) {
  return a.path == b.path && a.index == b.index;
}

}  // namespace

// --- TtfLibrary --------------------------------------------------------------

TtfLibrary::TtfLibrary() {
  if (TTF_Init() != 0)
    status_ = Status::Error(std::string("SDL_ttf: cannot initialize: ") + TTF_GetError());
}

TtfLibrary::~TtfLibrary() {
  if (status_.ok()) TTF_Quit();
}

// --- FontChain ---------------------------------------------------------------

std::vector<FontFamily> DefaultFontFamilies() {
  return {
      {"Noto Sans", "fonts-noto-core", true},
      {"Noto Sans Symbols", "fonts-noto-core", false},
      {"Noto Sans Symbols2", "fonts-noto-core", false},
      {"Noto Sans CJK KR", "fonts-noto-cjk", true},
      {"Noto Sans Arabic", "fonts-noto-core", false},
      {"Noto Sans Hebrew", "fonts-noto-core", false},
      {"DejaVu Sans", "fonts-dejavu-core", false},
  };
}

Result<std::unique_ptr<FontChain>> FontChain::Load(FontChainOptions options) {
  std::unique_ptr<FontChain> chain(new FontChain());
  chain->ttf_ = std::make_unique<TtfLibrary>();
  if (!chain->ttf_->status().ok()) return chain->ttf_->status();
  chain->options_ = std::move(options);

  std::vector<std::string> missing_patterns, missing_packages;
  for (const FontFamily& family : chain->options_.families) {
    FontFace face;
    face.family = family.name;
    face.sets_line_height = family.sets_line_height;
    bool found = chain->catalog_.Match(family.name, FontWeight::kRegular, &face.regular);
    bool duplicate = found && std::any_of(chain->faces_.begin(), chain->faces_.end(),
                                          [&](const FontFace& other) {
                                            return SameFile(other.regular, face.regular);
                                          });
    if (duplicate) continue;
    // The first face's bold draws every title, and a bold line's height asks
    // every face that sets line height; the others' bold is found when needed.
    if (found && (chain->faces_.empty() || face.sets_line_height))
      ResolveBold(chain->catalog_, face);
    if (found) {
      chain->faces_.push_back(face);
      // Only the first face is opened now: it draws nearly everything, and
      // opening it checks that some font is usable. The others are opened
      // when a codepoint first needs them (FirstCovering).
      if (chain->faces_.size() > 1) continue;
      if (chain->CoverageFont(0, FontWeight::kRegular) != nullptr) continue;
      chain->faces_.pop_back();
      chain->fonts_.erase({0, static_cast<int>(FontWeight::kRegular)});
    }
    missing_patterns.push_back("\"" + family.name + ":style=Regular\"");
    if (std::find(missing_packages.begin(), missing_packages.end(), family.debian_package) ==
        missing_packages.end())
      missing_packages.push_back(family.debian_package);
    LogWarning("fonts: fontconfig has no usable \"" + family.name + "\"; text that needs it " +
               "may show as boxes (install the Debian package " + family.debian_package + ")");
  }
  if (chain->faces_.empty()) {
    std::string patterns, packages;
    for (const std::string& pattern : missing_patterns)
      patterns += (patterns.empty() ? "" : ", ") + pattern;
    for (const std::string& package : missing_packages) packages += " " + package;
    return Status::Error("fonts: no usable font: fontconfig found none of " + patterns +
                         "; install them with: apt install" + packages);
  }
  // Every screen's first frame asks for line heights, and reading a CJK
  // face's design metrics costs ~3 M instructions a weight: read them here,
  // not in that frame.
  for (FontFace& face : chain->faces_) {
    if (&face == &chain->faces_.front() || !face.sets_line_height) continue;
    chain->DesignMetrics(face.regular);
    if (!face.bold.synthetic_bold) chain->DesignMetrics(face.bold);
  }
  // Most screens never look up another font: the fontconfig caches need not
  // stay mapped for weeks. A later lookup (a bold Arabic title, a codepoint
  // no chain font has) loads them again.
  chain->catalog_.Forget();
  return chain;
}

FontChain::~FontChain() {
  for (auto& [key, sized] : fonts_)
    if (sized.font) TTF_CloseFont(sized.font);
}

std::string FontChain::Describe() const {
  std::string out;
  for (const FontFace& face : faces_) {
    out += face.family + ": " + face.regular.path;
    if (face.regular.index != 0) out += " #" + std::to_string(face.regular.index);
    if (!face.bold_resolved) {
      out += ", bold when needed";
    } else if (face.bold.synthetic_bold) {
      out += ", bold synthesized";
    } else {
      out += ", bold " + face.bold.path;
      if (face.bold.index != 0) out += " #" + std::to_string(face.bold.index);
    }
    if (face.from_system_fallback) out += " (system fallback)";
    auto opened = fonts_.find(
        {static_cast<int>(&face - faces_.data()), static_cast<int>(FontWeight::kRegular)});
    if (opened == fonts_.end()) {
      out += " (opened when first needed)";
    } else if (opened->second.font == nullptr) {
      out += " (cannot be opened: covers nothing)";
    }
    out += "\n";
  }
  return out;
}

TTF_Font* FontChain::OpenFont(int face, int pixel_size, FontWeight weight) {
  if (weight == FontWeight::kBold) ResolveBold(catalog_, faces_[face]);
  const FontFile& file = weight == FontWeight::kBold ? faces_[face].bold : faces_[face].regular;
  TTF_Font* font = TTF_OpenFontIndex(file.path.c_str(), pixel_size, file.index);
  if (font) {
    TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
    if (file.synthetic_bold) TTF_SetFontStyle(font, TTF_STYLE_BOLD);
  } else {
    LogWarning("fonts: cannot open " + file.path + " (face " + std::to_string(file.index) +
               "): " + TTF_GetError());
  }
  return font;
}

TTF_Font* FontChain::CoverageFont(int face, FontWeight weight) {
  auto key = std::make_pair(face, static_cast<int>(weight));
  auto found = fonts_.find(key);
  if (found != fonts_.end()) return found->second.font;  // which glyphs it has is size-free
  return fonts_.emplace(key, SizedFont{OpenFont(face, kCoverageSize, weight), kCoverageSize})
      .first->second.font;
}

TTF_Font* FontChain::Font(int face, int pixel_size, FontWeight weight) {
  const int size = ClampSize(pixel_size);
  TTF_Font* font = CoverageFont(face, weight);
  SizedFont& sized = fonts_[std::make_pair(face, static_cast<int>(weight))];
  if (font && sized.size != size) {
    if (TTF_SetFontSize(font, size) != 0) return nullptr;
    sized.size = size;
  }
  return font;
}

int FontChain::FirstCovering(char32_t codepoint, FontWeight weight) {
  for (int face = 0; face < static_cast<int>(faces_.size()); ++face) {
    // A face not open yet is opened only when fontconfig says it has the
    // codepoint: Hangul opens Noto Sans CJK KR, not the two symbol fonts
    // before it as well. FreeType's cmap has the last word.
    const FcCharSet* listed = faces_[face].regular.charset.get();
    if (listed != nullptr && !fonts_.count({face, static_cast<int>(weight)}) &&
        !FcCharSetHasChar(listed, codepoint))
      continue;
    TTF_Font* font = CoverageFont(face, weight);
    if (font && TTF_GlyphIsProvided32(font, codepoint)) return face;
  }
  int added = AddSystemFallback(codepoint);
  if (added < 0) return -1;
  TTF_Font* font = CoverageFont(added, weight);
  return font && TTF_GlyphIsProvided32(font, codepoint) ? added : -1;
}

int FontChain::AddSystemFallback(char32_t codepoint) {
  if (!options_.system_fallback || no_system_font_has_.count(codepoint)) return -1;
  int fallbacks =
      static_cast<int>(std::count_if(faces_.begin(), faces_.end(), [](const FontFace& face) {
        return face.from_system_fallback;
      }));
  if (fallbacks >= kMaxSystemFallbackFaces) return -1;

  int added = -1;
  for (CatalogFont& candidate : catalog_.Covering(codepoint)) {
    FontFace face;
    face.from_system_fallback = true;
    face.family = std::move(candidate.family);
    face.regular = std::move(candidate.file);
    if (std::any_of(faces_.begin(), faces_.end(),
                    [&](const FontFace& other) { return SameFile(other.regular, face.regular); }))
      continue;
    // fontconfig's charset and FreeType's cmap can disagree; trust the one that draws.
    TTF_Font* probe =
        TTF_OpenFontIndex(face.regular.path.c_str(), kCoverageSize, face.regular.index);
    bool has_glyph = probe && TTF_GlyphIsProvided32(probe, codepoint);
    if (probe) TTF_CloseFont(probe);
    if (!has_glyph) continue;
    faces_.push_back(face);
    added = static_cast<int>(faces_.size()) - 1;
    Log(LogLevel::kDebug, "fonts: " + CodepointName(codepoint) + " drawn with \"" + face.family +
                              "\" (" + face.regular.path + ")");
    break;
  }
  if (added < 0) {
    if ((no_system_font_has_.size() + 1) * kMissEntryBytes > kMissingCodePointsCapBytes)
      no_system_font_has_.clear();
    no_system_font_has_.insert(codepoint);
  }
  return added;
}

bool FontChain::Covers(char32_t codepoint) {
  return FirstCovering(codepoint, FontWeight::kRegular) >= 0;
}

std::vector<int> FontChain::FacesFor(const std::vector<char32_t>& codepoints,
                                     const std::vector<std::int8_t>& levels, FontWeight weight) {
  std::vector<int> faces;
  for (size_t i = 0; i < codepoints.size(); ++i) {
    const char32_t c = codepoints[i];
    const int previous = faces.empty() ? -1 : faces.back();
    if (previous >= 0 && IsInherited(c)) {
      faces.push_back(previous);
      continue;
    }
    // A space between runs of two directions goes with the run it reads with.
    if (previous >= 0 && IsWhitespace(c) && levels[i] == levels[i - 1]) {
      TTF_Font* font = CoverageFont(previous, weight);
      if (font && TTF_GlyphIsProvided32(font, c)) {
        faces.push_back(previous);
        continue;
      }
    }
    int face = FirstCovering(c, weight);
    if (face < 0) face = previous >= 0 ? previous : 0;  // drawn as the font's missing glyph
    faces.push_back(face);
  }
  return faces;
}

std::vector<TextRun> FontChain::Runs(std::string_view text, const TextStyle& style) {
  LevelledText line = ResolveLevels(DrawnCodepoints(text), IsRightToLeft(text));
  std::vector<LevelledRun> runs =
      SplitRuns(line, FacesFor(line.codepoints, line.levels, style.weight));
  ReorderRuns(runs);
  return JoinNeighbours(std::move(runs));
}

TTF_Font* FontChain::FontForRun(const TextRun& run, const TextStyle& style) {
  if (run.face < 0 || run.face >= static_cast<int>(faces_.size())) return nullptr;
  TTF_Font* font = Font(run.face, style.pixel_size, style.weight);
  if (!font) return nullptr;
  // Both fail (harmlessly) only when SDL_ttf is built without HarfBuzz.
  TTF_SetFontScriptName(font, run.script.size() == 4 ? run.script.c_str() : "Zyyy");
  TTF_SetFontDirection(font, run.right_to_left ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
  return font;
}

const std::optional<FaceDesignMetrics>& FontChain::DesignMetrics(const FontFile& file) {
  auto key = std::make_pair(file.path, file.index);
  auto found = design_metrics_.find(key);
  if (found != design_metrics_.end()) return found->second;
  Result<FaceDesignMetrics> design = ReadFaceDesignMetrics(file);
  if (!design.ok())
    Log(LogLevel::kDebug, design.status().message() + "; its line metrics come from SDL_ttf");
  return design_metrics_.emplace(key, design.ok() ? std::optional(*design) : std::nullopt)
      .first->second;
}

bool FontChain::LineSpacing(int face, int pixel_size, FontWeight weight, FaceLineMetrics* metrics) {
  if (weight == FontWeight::kBold) ResolveBold(catalog_, faces_[face]);
  const FontFile& file = weight == FontWeight::kBold ? faces_[face].bold : faces_[face].regular;
  // SDL_ttf emboldens a synthetic bold itself: only it is trusted with one.
  if (!file.synthetic_bold) {
    if (const std::optional<FaceDesignMetrics>& design = DesignMetrics(file)) {
      *metrics = ScaleFaceMetrics(*design, pixel_size);
      return true;
    }
  }
  TTF_Font* font = Font(face, pixel_size, weight);
  if (!font) return false;
  *metrics = {TTF_FontAscent(font), TTF_FontDescent(font), TTF_FontLineSkip(font)};
  return true;
}

LineMetrics FontChain::Metrics(const TextStyle& style) {
  int size = ClampSize(style.pixel_size);
  auto key = std::make_pair(size, static_cast<int>(style.weight));
  auto found = metrics_.find(key);
  if (found != metrics_.end()) return found->second;
  LineMetrics metrics;
  TTF_Font* first = Font(0, size, style.weight);
  if (!first) {
    metrics = {size, size * 3 / 2};  // nothing to draw with anyway; keep layout sane
  } else {
    metrics.ascent = TTF_FontAscent(first);
    int line_skip = TTF_FontLineSkip(first);
    int descent = -TTF_FontDescent(first);
    for (int face = 1; face < static_cast<int>(faces_.size()); ++face) {
      if (!faces_[face].sets_line_height) continue;
      FaceLineMetrics spacing;
      if (LineSpacing(face, size, style.weight, &spacing)) {
        line_skip = std::max(line_skip, spacing.line_skip);
        descent = std::max(descent, -spacing.descent);
      }
    }
    metrics.line_height = std::max(line_skip, metrics.ascent + descent);
  }
  if ((metrics_.size() + 1) * kMetricsEntryBytes > kLineMetricsCapBytes) metrics_.clear();
  metrics_.emplace(key, metrics);
  return metrics;
}

std::vector<CacheSize> FontChain::Caches() const {
  return {
      {"line_metrics", metrics_.size(), metrics_.size() * kMetricsEntryBytes, kLineMetricsCapBytes},
      {"missing_code_points", no_system_font_has_.size(),
       no_system_font_has_.size() * kMissEntryBytes, kMissingCodePointsCapBytes}};
}

// --- FontMeasurer ------------------------------------------------------------

int FontMeasurer::Width(std::string_view text, const TextStyle& style) {
  std::string key =
      std::to_string(style.pixel_size) + "/" + std::to_string(static_cast<int>(style.weight)) + "/";
  key.append(text);
  auto found = widths_.find(key);
  if (found != widths_.end()) return found->second;
  int width = 0;
  for (const TextRun& run : fonts_->Runs(text, style)) {
    TTF_Font* font = fonts_->FontForRun(run, style);
    int run_width = 0, run_height = 0;
    if (font && TTF_SizeUTF8(font, run.text.c_str(), &run_width, &run_height) == 0)
      width += run_width;
  }
  if (key.size() > kMaxRememberedTextBytes) return width;
  const size_t bytes = key.size() + kWidthEntryBytes;
  if (widths_bytes_ + bytes > kWidthsCapBytes) {
    widths_.clear();
    widths_bytes_ = 0;
  }
  widths_.emplace(std::move(key), width);
  widths_bytes_ += bytes;
  return width;
}

CacheSize FontMeasurer::Cache() const {
  return {"text_widths", widths_.size(), widths_bytes_, kWidthsCapBytes};
}

int FontMeasurer::LineHeight(const TextStyle& style) { return fonts_->Metrics(style).line_height; }

}  // namespace foyer
