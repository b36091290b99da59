// The font catalog against fontconfig's whole system configuration, with the
// fonts installed on this machine (fonts-noto-core, fonts-noto-cjk,
// fonts-dejavu-core).
#include "render/font_catalog.h"

#include <doctest/doctest.h>
#include <fontconfig/fontconfig.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "render/fonts.h"

namespace foyer {
namespace {

// What FcFontMatch answers for family in weight with the system's whole
// configuration (all of /etc/fonts), the way every fontconfig program asks.
std::string SystemMatch(const std::string& family, FontWeight weight) {
  FcConfig* config = FcInitLoadConfigAndFonts();
  REQUIRE(config != nullptr);
  FcPattern* pattern = FcPatternCreate();
  FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcPatternAddInteger(pattern, FC_WEIGHT,
                      weight == FontWeight::kBold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern, FC_SLANT, FC_SLANT_ROMAN);
  FcConfigSubstitute(config, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  FcPattern* match = FcFontMatch(config, pattern, &result);
  std::string answer;
  FcChar8* path = nullptr;
  int index = 0;
  if (match && FcPatternGetString(match, FC_FILE, 0, &path) == FcResultMatch) {
    FcPatternGetInteger(match, FC_INDEX, 0, &index);
    answer = std::string(reinterpret_cast<const char*>(path)) + " #" + std::to_string(index);
  }
  if (match) FcPatternDestroy(match);
  FcPatternDestroy(pattern);
  FcConfigDestroy(config);
  return answer;
}

// Sets an environment variable for one scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() { unsetenv(name_); }

 private:
  const char* name_;
};

TEST_CASE("the catalog finds every family of the chain in the same file as the system's config") {
  FontCatalog catalog;
  for (const FontFamily& family : DefaultFontFamilies()) {
    for (FontWeight weight : {FontWeight::kRegular, FontWeight::kBold}) {
      INFO(family.name << (weight == FontWeight::kBold ? " bold" : " regular"));
      FontFile file;
      if (catalog.Match(family.name, weight, &file)) {
        CHECK(SystemMatch(family.name, weight) == file.path + " #" + std::to_string(file.index));
      } else {
        // No such face: then the system's config answers a regular face or
        // another family, never a bold face of this family's own.
        CHECK(weight == FontWeight::kBold);
      }
    }
  }
  FontFile noto, cjk_bold;
  REQUIRE(catalog.Match("Noto Sans", FontWeight::kRegular, &noto));
  CHECK(noto.path.find("NotoSans-Regular") != std::string::npos);
  REQUIRE(catalog.Match("Noto Sans CJK KR", FontWeight::kBold, &cjk_bold));
  CHECK(cjk_bold.path.find("NotoSansCJK-Bold.ttc") != std::string::npos);
}

TEST_CASE("the catalog answers no file for a family that is not installed") {
  FontCatalog catalog;
  FontFile file;
  CHECK_FALSE(
      catalog.Match("Foyer Test Family That Nobody Installed", FontWeight::kRegular, &file));
}

TEST_CASE("the fonts covering a codepoint the chain lacks are scalable fonts that have it") {
  FontCatalog catalog;
  std::vector<CatalogFont> fonts = catalog.Covering(U'\u0915');  // DEVANAGARI LETTER KA
  REQUIRE_FALSE(fonts.empty());
  // sans-serif first, through the system's aliases
  CHECK(fonts.front().family == "Noto Sans Devanagari");
  for (const CatalogFont& font : fonts) {
    INFO(font.file.path);
    CHECK(std::filesystem::exists(font.file.path));
  }
  CHECK(catalog.Covering(U'\U0010FFFD').empty());  // private use: nobody draws it
}

TEST_CASE("a fontconfig configured on purpose (FONTCONFIG_FILE) is the one names are found in") {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("foyer-fc-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "fonts.conf")
      << "<?xml version=\"1.0\"?>\n<fontconfig>\n"
      << "  <dir>/usr/share/fonts/truetype/dejavu</dir>\n"
      << "  <cachedir>" << (dir / "cache").string() << "</cachedir>\n</fontconfig>\n";
  {
    ScopedEnv env("FONTCONFIG_FILE", (dir / "fonts.conf").string());
    FontCatalog catalog;
    FontFile file;
    CHECK(catalog.Match("DejaVu Sans", FontWeight::kRegular, &file));
    CHECK_FALSE(catalog.Match("Noto Sans", FontWeight::kRegular, &file));
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace foyer
