#include "render/face_metrics.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <memory>
#include <string>

namespace foyer {
namespace {

struct LibraryDeleter {
  void operator()(FT_Library library) const { FT_Done_FreeType(library); }
};
using LibraryPtr = std::unique_ptr<FT_LibraryRec_, LibraryDeleter>;

struct FaceDeleter {
  void operator()(FT_Face face) const { FT_Done_Face(face); }
};
using FacePtr = std::unique_ptr<FT_FaceRec_, FaceDeleter>;

// SDL_ttf's FT_CEIL: a 26.6 value rounded up to whole pixels.
int CeilPixels(FT_Pos value) { return static_cast<int>(((value + 63) & -64) / 64); }

Status Failed(const FontFile& file, const std::string& why) {
  return Status::Error("fonts: " + file.path + " (face " + std::to_string(file.index) +
                       "): " + why);
}

}  // namespace

Result<FaceDesignMetrics> ReadFaceDesignMetrics(const FontFile& file) {
  // A library of its own, gone with the face: SDL_ttf's is not shared, and
  // keeping one would keep its modules' state for two reads at start.
  FT_Library raw_library = nullptr;
  if (FT_Error error = FT_Init_FreeType(&raw_library); error != 0)
    return Failed(file, "FreeType cannot start (error " + std::to_string(error) + ")");
  LibraryPtr library(raw_library);
  FT_Face raw_face = nullptr;
  if (FT_Error error = FT_New_Face(library.get(), file.path.c_str(), file.index, &raw_face);
      error != 0)
    return Failed(file, "FreeType cannot open it (error " + std::to_string(error) + ")");
  FacePtr face(raw_face);
  if (!FT_IS_SCALABLE(face) || face->units_per_EM == 0) return Failed(file, "not scalable");
  // A strike's size request selects the strike's metrics, and a variable
  // font's may vary: SDL_ttf alone knows those.
  if (FT_HAS_FIXED_SIZES(face)) return Failed(file, "has bitmap strikes");
  if (FT_HAS_MULTIPLE_MASTERS(face)) return Failed(file, "is a variable font");
  return FaceDesignMetrics{face->units_per_EM, face->ascender, face->descender, face->height};
}

FaceLineMetrics ScaleFaceMetrics(const FaceDesignMetrics& design, int pixel_size) {
  // FT_Set_Char_Size(face, 0, pixel_size * 64, 0, 0): a nominal request at
  // 72 dpi, so FT_Request_Metrics sets y_scale to this.
  const FT_Fixed scale = FT_DivFix(static_cast<FT_Long>(pixel_size) * 64, design.units_per_em);
  return {CeilPixels(FT_MulFix(design.ascender, scale)),
          CeilPixels(FT_MulFix(design.descender, scale)),
          CeilPixels(FT_MulFix(design.height, scale))};
}

}  // namespace foyer
