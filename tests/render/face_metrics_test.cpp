// Line metrics from design metrics against SDL_ttf's own, with the fonts
// installed on this machine (fonts-noto-core, fonts-noto-cjk).
#include "render/face_metrics.h"

#include <doctest/doctest.h>

#include <vector>

#include "render/canvas.h"

namespace foyer {
namespace {

using testing::SharedFonts;

// Every size layout can ask for up to 400 px, and large ones up to FontChain's cap.
std::vector<int> SizesToCompare() {
  std::vector<int> sizes;
  for (int size = 1; size <= 400; ++size) sizes.push_back(size);
  for (int size :
       {401, 480, 500, 512, 720, 777, 1000, 1024, 1080, 1333, 1440, 1536, 2000, 2047, 2048})
    sizes.push_back(size);
  return sizes;
}

// Checks file's computed metrics at every size against SDL_ttf's.
void CheckAgainstSdlTtf(const std::string& family, const FontFile& file) {
  INFO(family << ": " << file.path << " #" << file.index);
  Result<FaceDesignMetrics> design = ReadFaceDesignMetrics(file);
  REQUIRE_MESSAGE(design.ok(), design.status().ToString());
  TTF_Font* font = TTF_OpenFontIndex(file.path.c_str(), 1, file.index);
  REQUIRE(font != nullptr);
  TTF_SetFontHinting(font, TTF_HINTING_LIGHT);  // as FontChain draws (no effect on metrics)
  int mismatches = 0;
  for (int size : SizesToCompare()) {
    REQUIRE(TTF_SetFontSize(font, size) == 0);
    const FaceLineMetrics computed = ScaleFaceMetrics(*design, size);
    INFO("size " << size);
    if (computed.ascent != TTF_FontAscent(font) || computed.descent != TTF_FontDescent(font) ||
        computed.line_skip != TTF_FontLineSkip(font)) {
      ++mismatches;
      CHECK(computed.ascent == TTF_FontAscent(font));
      CHECK(computed.descent == TTF_FontDescent(font));
      CHECK(computed.line_skip == TTF_FontLineSkip(font));
    }
  }
  CHECK(mismatches == 0);
  TTF_CloseFont(font);
}

TEST_CASE("line metrics computed from design metrics equal SDL_ttf's at every size") {
  FontChain& fonts = SharedFonts();  // holds SDL_ttf initialized
  int compared = 0;
  for (const FontFace& face : fonts.faces()) {
    if (!face.sets_line_height) continue;
    CheckAgainstSdlTtf(face.family, face.regular);
    REQUIRE(face.bold_resolved);  // resolved at load for the faces that set line height
    if (!face.bold.synthetic_bold) CheckAgainstSdlTtf(face.family + " Bold", face.bold);
    compared += 1;
  }
  CHECK(compared == 2);  // Noto Sans (TrueType) and Noto Sans CJK KR (CFF, in a collection)
}

TEST_CASE("design metrics are not read from a file that is not a font") {
  FontFile missing{"/nonexistent/foyer-missing.ttf", 0, false};
  Result<FaceDesignMetrics> design = ReadFaceDesignMetrics(missing);
  REQUIRE_FALSE(design.ok());
  CHECK(design.status().message().find("/nonexistent/foyer-missing.ttf") != std::string::npos);
  FontFile not_a_font{FOYER_SOURCE_DIR "/CMakeLists.txt", 0, false};
  CHECK_FALSE(ReadFaceDesignMetrics(not_a_font).ok());
}

}  // namespace
}  // namespace foyer
