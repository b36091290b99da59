#include "render/font_catalog.h"

#include <cstdlib>
#include <memory>

#include "base/log.h"

namespace foyer {
namespace {

// The folders Debian's /etc/fonts/fonts.conf lists for every user, and the
// caches fc-cache writes for them (the fontconfig package runs it whenever a
// font package is installed), then the user's own cache, as fonts.conf has
// it: where the system's is missing or stale, fontconfig reads the fonts
// themselves and keeps what it read there ($XDG_CACHE_HOME/fontconfig, for
// the service /var/lib/foyer/.cache), rather than complaining on every start
// that it has nowhere to write.
constexpr char kNamesConfig[] = R"(<?xml version="1.0"?>
<fontconfig>
  <dir>/usr/share/fonts</dir>
  <dir>/usr/local/share/fonts</dir>
  <cachedir>/var/cache/fontconfig</cachedir>
  <cachedir prefix="xdg">fontconfig</cachedir>
</fontconfig>
)";

struct PatternDeleter {
  void operator()(FcPattern* pattern) const { FcPatternDestroy(pattern); }
};
using PatternPtr = std::unique_ptr<FcPattern, PatternDeleter>;

const FcChar8* Chars(const std::string& text) {
  return reinterpret_cast<const FcChar8*>(text.c_str());
}

bool ConfiguredOnPurpose() {
  for (const char* name : {"FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT"}) {
    const char* value = std::getenv(name);
    if (value != nullptr && *value != '\0') return true;
  }
  return false;
}

// A configuration of the standard font folders only, or null.
FcConfig* LoadNamesConfig() {
  FcConfig* config = FcConfigCreate();
  if (config == nullptr) return nullptr;
  if (FcConfigParseAndLoadFromMemory(config, reinterpret_cast<const FcChar8*>(kNamesConfig),
                                     FcTrue) &&
      FcConfigBuildFonts(config))
    return config;
  FcConfigDestroy(config);
  return nullptr;
}

bool HasFamily(FcPattern* pattern, const std::string& family) {
  FcChar8* name = nullptr;
  for (int i = 0; FcPatternGetString(pattern, FC_FAMILY, i, &name) == FcResultMatch; ++i) {
    if (FcStrCmpIgnoreCase(name, Chars(family)) == 0) return true;
  }
  return false;
}

std::string FirstFamily(FcPattern* pattern) {
  FcChar8* name = nullptr;
  if (FcPatternGetString(pattern, FC_FAMILY, 0, &name) != FcResultMatch) return "";
  return reinterpret_cast<const char*>(name);
}

bool FileOf(FcPattern* pattern, FontFile* file) {
  FcChar8* path = nullptr;
  int index = 0;
  if (FcPatternGetString(pattern, FC_FILE, 0, &path) != FcResultMatch) return false;
  if (FcPatternGetInteger(pattern, FC_INDEX, 0, &index) != FcResultMatch) index = 0;
  file->path = reinterpret_cast<const char*>(path);
  file->index = index;  // the high bits name a variable font's instance; FreeType takes them
  FcCharSet* charset = nullptr;
  if (FcPatternGetCharSet(pattern, FC_CHARSET, 0, &charset) == FcResultMatch) {
    // Merged into a new set, its pages are copied: it keeps no cache mapped.
    FcCharSet* copy = FcCharSetCreate();
    if (copy != nullptr && FcCharSetMerge(copy, charset, nullptr))
      file->charset.reset(copy, FcCharSetDestroy);
    else if (copy != nullptr)
      FcCharSetDestroy(copy);
  }
  return true;
}

int WeightOf(FcPattern* pattern) {
  int weight = FC_WEIGHT_REGULAR;
  FcPatternGetInteger(pattern, FC_WEIGHT, 0, &weight);
  return weight;
}

bool Flag(FcPattern* pattern, const char* object, bool otherwise) {
  FcBool value = FcFalse;
  if (FcPatternGetBool(pattern, object, 0, &value) != FcResultMatch) return otherwise;
  return value != FcFalse;
}

bool HasChar(FcPattern* pattern, char32_t codepoint) {
  FcCharSet* charset = nullptr;
  return FcPatternGetCharSet(pattern, FC_CHARSET, 0, &charset) == FcResultMatch &&
         FcCharSetHasChar(charset, codepoint);
}

// The installed faces of family (with what matching looks at, and their
// charsets, which FontChain keeps), or null.
FcFontSet* FamilyFaces(FcConfig* config, const std::string& family) {
  PatternPtr wanted(FcPatternCreate());
  FcPatternAddString(wanted.get(), FC_FAMILY, Chars(family));
  FcObjectSet* objects =
      FcObjectSetBuild(FC_FAMILY, FC_FAMILYLANG, FC_STYLE, FC_WEIGHT, FC_SLANT, FC_WIDTH,
                       FC_SPACING, FC_FOUNDRY, FC_FONTFORMAT, FC_SCALABLE, FC_OUTLINE, FC_VARIABLE,
                       FC_FONT_HAS_HINT, FC_LANG, FC_CHARSET, FC_FILE, FC_INDEX, nullptr);
  FcFontSet* faces = FcFontList(config, wanted.get(), objects);
  FcObjectSetDestroy(objects);
  if (faces != nullptr && faces->nfont == 0) {
    FcFontSetDestroy(faces);
    return nullptr;
  }
  return faces;
}

}  // namespace

FontCatalog::FontCatalog() = default;

FontCatalog::~FontCatalog() { Forget(); }

void FontCatalog::Forget() {
  if (names_ != nullptr && names_ != system_) FcConfigDestroy(names_);
  if (system_ != nullptr) FcConfigDestroy(system_);
  names_ = system_ = nullptr;
}

FcConfig* FontCatalog::Names() {
  if (names_ != nullptr) return names_;
  if (!ConfiguredOnPurpose()) names_ = LoadNamesConfig();
  if (names_ == nullptr) names_ = System();
  return names_;
}

FcConfig* FontCatalog::System() {
  if (system_ != nullptr) return system_;
  system_ = FcInitLoadConfigAndFonts();
  if (system_ == nullptr)
    LogWarning("fonts: fontconfig cannot load its configuration (/etc/fonts/fonts.conf)");
  return system_;
}

bool FontCatalog::Match(const std::string& family, FontWeight weight, FontFile* file) {
  FcConfig* config = Names();
  if (config == nullptr) return false;
  PatternPtr pattern(FcPatternCreate());
  FcPatternAddString(pattern.get(), FC_FAMILY, Chars(family));
  FcPatternAddInteger(pattern.get(), FC_WEIGHT,
                      weight == FontWeight::kBold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern.get(), FC_SLANT, FC_SLANT_ROMAN);
  FcConfigSubstitute(config, pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());
  // fontconfig's pick among the family's own faces: FcFontMatch over every
  // installed font scores each one (~1.4 M instructions a family); listing
  // the family first is a tenth of that, and an absent family answers nothing.
  FcFontSet* faces = FamilyFaces(config, family);
  if (faces == nullptr) return false;
  FcResult result = FcResultNoMatch;
  PatternPtr match(FcFontSetMatch(config, &faces, 1, pattern.get(), &result));
  FcFontSetDestroy(faces);
  if (!match || !HasFamily(match.get(), family) || !FileOf(match.get(), file)) return false;
  // With no bold face, fontconfig answers the regular one and asks for emboldening.
  if (weight == FontWeight::kBold &&
      (Flag(match.get(), FC_EMBOLDEN, false) || WeightOf(match.get()) < FC_WEIGHT_DEMIBOLD))
    return false;
  return true;
}

std::vector<CatalogFont> FontCatalog::Covering(char32_t codepoint) {
  std::vector<CatalogFont> fonts;
  FcConfig* config = System();
  if (config == nullptr) return fonts;
  PatternPtr pattern(FcPatternCreate());
  FcCharSet* wanted = FcCharSetCreate();
  FcCharSetAddChar(wanted, codepoint);
  FcPatternAddCharSet(pattern.get(), FC_CHARSET, wanted);
  FcCharSetDestroy(wanted);
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>("sans-serif"));
  FcPatternAddInteger(pattern.get(), FC_WEIGHT, FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern.get(), FC_SLANT, FC_SLANT_ROMAN);
  FcPatternAddBool(pattern.get(), FC_SCALABLE, FcTrue);
  FcConfigSubstitute(config, pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());
  FcResult result = FcResultNoMatch;
  FcFontSet* sorted = FcFontSort(config, pattern.get(), FcTrue, nullptr, &result);
  for (int i = 0; sorted != nullptr && i < sorted->nfont; ++i) {
    FcPattern* candidate = sorted->fonts[i];
    // Bitmap and colour (emoji) fonts do not scale to arbitrary pixel sizes.
    if (!HasChar(candidate, codepoint) || !Flag(candidate, FC_SCALABLE, true) ||
        Flag(candidate, FC_COLOR, false))
      continue;
    CatalogFont font;
    font.family = FirstFamily(candidate);
    if (FileOf(candidate, &font.file)) fonts.push_back(std::move(font));
  }
  if (sorted != nullptr) FcFontSetDestroy(sorted);
  return fonts;
}

}  // namespace foyer
