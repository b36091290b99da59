// Face metrics: a font face's line metrics at any pixel size without keeping
// the face open, for FontChain (fonts.h), which needs the line spacing of
// faces that may never draw a glyph (Noto Sans CJK: ~1.5 MB of FreeType heap
// per weight while open).
//
// Algorithm: the face is opened once with plain FreeType, its design metrics
// (units per em, ascender, descender, line height) are copied, and it is
// closed at once. At a pixel size they are scaled exactly as SDL_ttf 2.20
// does after TTF_SetFontSize (TTF_initFontMetrics): scale is the y_scale that
// FT_Set_Char_Size(face, 0, size * 64, 0, 0) sets, FT_DivFix(size * 64,
// units_per_EM) at 72 dpi (FT_Request_Metrics; TrueType's integer-ppem
// rounding gives the same for integer sizes), and ascent, descent and line
// skip are FT_CEIL(FT_MulFix(value, scale)). So they equal TTF_FontAscent,
// TTF_FontDescent and TTF_FontLineSkip of the face opened through SDL_ttf
// (tests/render/face_metrics_test.cpp checks every size of the chain's faces).
// Faces for which that formula does not hold (bitmap-only faces, faces with
// bitmap strikes, variable fonts) are refused, and their callers open them
// through SDL_ttf instead. Thread-safe: no shared state.
#pragma once

#include "base/status.h"
#include "render/font_catalog.h"

namespace foyer {

// A face's metrics in font units, as FreeType reads them (FT_FaceRec).
struct FaceDesignMetrics {
  int units_per_em = 0;
  int ascender = 0;   // above the baseline: positive
  int descender = 0;  // below the baseline: negative
  int height = 0;     // baseline to baseline
};

// A face's line metrics at one pixel size, in pixels, as SDL_ttf gives them.
struct FaceLineMetrics {
  int ascent = 0;     // TTF_FontAscent
  int descent = 0;    // TTF_FontDescent: negative below the baseline
  int line_skip = 0;  // TTF_FontLineSkip
};

// Opens file (its path and face index) with FreeType, reads its design
// metrics and closes it. An error when it cannot be opened or is not a
// scalable face whose metrics ScaleFaceMetrics computes exactly (no bitmap
// strikes, not a variable font). Costs a face's opening (~3 M instructions
// for a CJK face, its CFF charset; about as much as SDL_ttf's opening), not
// its keeping: callers remember the answer.
Result<FaceDesignMetrics> ReadFaceDesignMetrics(const FontFile& file);

// The metrics of a face with design metrics at pixel_size, exactly as
// SDL_ttf 2.20 computes them. REQUIRES: 1 <= pixel_size <= 65535 and
// design.units_per_em > 0, as ReadFaceDesignMetrics gives it.
FaceLineMetrics ScaleFaceMetrics(const FaceDesignMetrics& design, int pixel_size);

}  // namespace foyer
