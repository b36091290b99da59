// FontChain: the fonts foyer draws with, as a fallback chain found through
// fontconfig, so that Latin, Cyrillic (with the Kazakh letters), Arabic, Hebrew,
// Hangul, CJK and common symbols all have glyphs. FontMeasurer measures text
// with it exactly as Painter (renderer.h) draws it.
//
// Algorithm: a line of UTF-8 is split into runs; each codepoint goes to the
// first font in the chain that has its glyph (TTF_GlyphIsProvided32), the way a
// browser walks a font-family list. Whitespace stays in the current run when its
// font has the glyph, and combining marks, joiners and variation selectors always
// stay with the codepoint before them (at most kMaxMarksPerBase marks: see
// layout/shown_text.h). A run also ends where the script changes (Latin to
// Cyrillic), so that HarfBuzz shapes each run with its own script, and where the
// embedding level changes: the line's levels come from the Unicode
// bidirectional algorithm (FriBidi; the paragraph's direction from its first
// strong letter), each run is shaped in its level's direction, and the runs are
// put in visual order (rule L2). The bidi controls are applied, then dropped.
// A codepoint no chain font has is looked up once through fontconfig (any
// installed scalable font) and, if found, that font joins the chain's end.
//
// Fonts are opened lazily, each file once per weight, and kept until the
// chain dies: set to the size asked for with TTF_SetFontSize, which SDL_ttf
// does without reopening (one FreeType face and one HarfBuzz face per file,
// not one per size). Load opens only the first face that opens (in
// regular), to check that some font is usable; the others are opened the
// first time a codepoint that the faces before them lack is looked up, so a
// screen that shows only Latin and Cyrillic never holds Noto Sans CJK
// (~1.5 MB of FreeType heap per weight, and HarfBuzz's tables once it
// shapes). A face that cannot be opened then is logged once and covers
// nothing. Line heights keep no other face open either: those of the faces
// after the first that set line height come from their design metrics, read
// at load with FreeType alone, each file closed at once
// (render/face_metrics.h); they equal SDL_ttf's, so a line's height is the
// same before and after such a face is opened to draw. REQUIRES: a font
// returned is used before the same face and weight is asked for at another
// size. Thread-compatible: use from the UI thread only.
#pragma once

#include <SDL_ttf.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/status.h"
#include "layout/display_list.h"
#include "render/cache_size.h"
#include "render/face_metrics.h"
#include "render/font_catalog.h"

namespace foyer {

// Holds SDL_ttf initialized (TTF_Init is reference-counted by SDL_ttf). Needs
// no SDL_Init: fonts and software rendering work without a display server.
class TtfLibrary {
 public:
  TtfLibrary();
  ~TtfLibrary();
  TtfLibrary(const TtfLibrary&) = delete;
  TtfLibrary& operator=(const TtfLibrary&) = delete;
  // Ok, or why TTF_Init failed.
  const Status& status() const { return status_; }

 private:
  Status status_;
};

// One family the chain asks fontconfig for.
struct FontFamily {
  std::string name;               // fontconfig family, e.g. "Noto Sans CJK KR"
  std::string debian_package;     // what to install when it is missing
  bool sets_line_height = false;  // its line spacing counts in LineHeight()
};

// Noto Sans; Noto Sans Symbols and Symbols2 (proportional arrows, bullets and
// marks that match Noto Sans, where Noto Sans CJK's are full-width); Noto Sans
// CJK KR (Hangul and ideographs; it lacks Қ/қ, so it must come after Noto Sans);
// Noto Sans Arabic (Arabic, Persian, Urdu) and Noto Sans Hebrew, which DejaVu
// Sans would otherwise draw; DejaVu Sans for what is left.
std::vector<FontFamily> DefaultFontFamilies();

struct FontChainOptions {
  std::vector<FontFamily> families = DefaultFontFamilies();
  // Ask fontconfig for any installed font that has a glyph the chain lacks.
  bool system_fallback = true;
};

// A font in the chain.
struct FontFace {
  std::string family;
  FontFile regular, bold;
  // bold is looked up when first needed (at load: the first face's, and those
  // that set line height)
  bool bold_resolved = false;
  bool sets_line_height = false;
  bool from_system_fallback = false;
};

// A piece of one line that is drawn with a single font.
struct TextRun {
  std::string text;            // UTF-8; control characters removed
  int face = 0;                // index into FontChain::faces()
  std::string script;          // ISO 15924 tag for HarfBuzz, e.g. "Latn", "Hang"; "Zyyy" if none
  bool right_to_left = false;  // shaped right to left: its embedding level is odd
};

// Where lines of one style sit, the same for every text so layout is stable.
struct LineMetrics {
  int ascent = 0;       // from the line's top to its baseline (the first font's ascent)
  int line_height = 0;  // baseline to baseline; every font's descent fits below the baseline
};

class FontChain {
 public:
  // Finds options.families through fontconfig and opens the ones present. Logs
  // a warning naming the Debian package for each missing family. Fails only when
  // none is usable; the message names the fontconfig patterns and the packages.
  static Result<std::unique_ptr<FontChain>> Load(FontChainOptions options = {});
  ~FontChain();
  FontChain(const FontChain&) = delete;
  FontChain& operator=(const FontChain&) = delete;

  // The fonts in fallback order (grows when system fallback finds a font).
  const std::vector<FontFace>& faces() const { return faces_; }
  // One line per face, for logs: "Noto Sans: /usr/…/NotoSans-Regular.ttf, bold …",
  // ending "(opened when first needed)" for a face not opened yet and "(cannot
  // be opened: covers nothing)" for one that failed to open.
  std::string Describe() const;

  // True when some font in the chain (or found by system fallback) has a glyph
  // for codepoint in the regular weight.
  bool Covers(char32_t codepoint);
  // Splits one line of UTF-8 (invalid bytes become U+FFFD) into runs as the
  // header comment describes, in visual order (left to right). Empty text
  // gives no runs.
  std::vector<TextRun> Runs(std::string_view text, const TextStyle& style);
  // The font that draws run in style, with its script and direction set for
  // HarfBuzz. Owned by the chain; valid until it dies. Null when the file cannot
  // be opened (logged once).
  TTF_Font* FontForRun(const TextRun& run, const TextStyle& style);
  LineMetrics Metrics(const TextStyle& style);

  // Fonts open now (at most one per face and weight: after Load, only the
  // first face's regular), for tests.
  int open_fonts() const {
    return static_cast<int>(std::count_if(fonts_.begin(), fonts_.end(),
                                          [](const auto& entry) { return entry.second.font; }));
  }

  // The chain's caches that grow with what is drawn: "line_metrics" (by pixel
  // size and weight) and "missing_code_points" (code points no installed font
  // has, so fontconfig is not asked again). Each is cleared when it would pass
  // its cap. Glyphs are cached by SDL_ttf, in a fixed table of 256 per open
  // font (flushed when its size changes), and the open fonts are bounded by
  // the families and kMaxSystemFallbackFaces: no cap of foyer's is needed.
  std::vector<CacheSize> Caches() const;
  // A line's metrics take a std::map node (~48 bytes); layout uses a dozen
  // sizes, and even every size in 1..2048 in both weights would take 200 KiB:
  // 16 KiB (~340 styles) never clears for a real screen and bounds a strange one.
  static constexpr std::size_t kLineMetricsCapBytes = 16u << 10;
  // A remembered miss takes a hash node and bucket (~32 bytes); 128 KiB is 4096
  // code points, more than any feed's missing glyphs, while a fuzzed feed full
  // of unassigned code points costs at most that (and a fontconfig sort each).
  static constexpr std::size_t kMissingCodePointsCapBytes = 128u << 10;

 private:
  FontChain() = default;
  // `face` in `weight` set to pixel_size (null when it cannot be opened).
  TTF_Font* Font(int face, int pixel_size, FontWeight weight);
  // `face` in `weight` at whatever size it has, to ask which glyphs it has.
  TTF_Font* CoverageFont(int face, FontWeight weight);
  TTF_Font* OpenFont(int face, int pixel_size, FontWeight weight);
  // The face that draws each codepoint of a line (whose embedding levels are
  // levels) in weight.
  std::vector<int> FacesFor(const std::vector<char32_t>& codepoints,
                            const std::vector<std::int8_t>& levels, FontWeight weight);
  // First face with a glyph for codepoint in weight, or -1.
  int FirstCovering(char32_t codepoint, FontWeight weight);
  // Appends a face from fontconfig that has codepoint; its index, or -1.
  int AddSystemFallback(char32_t codepoint);
  // The ascent, descent and line skip of `face` in weight at pixel_size, as
  // SDL_ttf gives them, from its design metrics when FreeType reads them
  // (the face stays closed), else from the face opened through SDL_ttf. False
  // when neither can open it.
  bool LineSpacing(int face, int pixel_size, FontWeight weight, FaceLineMetrics* metrics);
  // file's design metrics, read once (at load for the faces that set line
  // height); empty when FreeType cannot read them.
  const std::optional<FaceDesignMetrics>& DesignMetrics(const FontFile& file);

  std::unique_ptr<TtfLibrary> ttf_;  // first member: TTF_Quit after every font is closed
  FontChainOptions options_;
  FontCatalog catalog_;
  std::vector<FontFace> faces_;
  struct SizedFont {
    TTF_Font* font = nullptr;  // null when opening failed
    int size = 0;              // the pixel size it is set to now
  };
  std::map<std::pair<int, int>, SizedFont> fonts_;      // (face, weight)
  std::map<std::pair<int, int>, LineMetrics> metrics_;  // (pixel size, weight)
  // By (path, face index), for the faces that set line height, both weights:
  // bounded by the families. Empty: FreeType could not read them.
  std::map<std::pair<std::string, long>, std::optional<FaceDesignMetrics>> design_metrics_;
  std::unordered_set<char32_t> no_system_font_has_;
};

// TextMeasurer for layout, measuring exactly what Painter draws: a line's width
// is the sum of its runs' TTF_SizeUTF8 widths; LineHeight is FontChain::Metrics.
// Remembers widths up to kWidthsCapBytes, then forgets them all and starts
// again (a frame re-measures what it shows, cheaply, once). Thread-compatible,
// like the chain.
class FontMeasurer : public TextMeasurer {
 public:
  // A width is remembered with its key (size, weight, text) in a hash node:
  // the text's bytes and ~64 more. A frame measures some hundreds of strings
  // of a few dozen bytes (names, titles, their elided prefixes; a seven-day
  // tools/soak of a hallway peaked at 197 KiB): 1 MiB holds about ten
  // thousand, so a screen's own texts stay remembered from frame to frame,
  // and a week of new titles clears it now and then instead of growing it.
  static constexpr std::size_t kWidthsCapBytes = 1u << 20;
  // Longer texts are measured every time, not remembered: layout cuts lines to
  // what a panel shows (layout/shown_text.h), far below this.
  static constexpr std::size_t kMaxRememberedTextBytes = 16u << 10;

  // REQUIRES: fonts outlives this.
  explicit FontMeasurer(FontChain* fonts) : fonts_(fonts) {}
  int Width(std::string_view text, const TextStyle& style) override;
  int LineHeight(const TextStyle& style) override;
  // "text_widths": the remembered widths against kWidthsCapBytes.
  CacheSize Cache() const;

 private:
  FontChain* fonts_;
  std::unordered_map<std::string, int> widths_;  // key: size, weight, text
  std::size_t widths_bytes_ = 0;                 // as kWidthsCapBytes counts them
};

}  // namespace foyer
