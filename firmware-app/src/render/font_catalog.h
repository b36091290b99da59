// FontCatalog: the installed fonts, as fontconfig knows them, for FontChain
// (fonts.h): which file draws a family by name, and which fonts have a glyph
// the chain lacks.
//
// Finding a family by name needs only fontconfig's font folders and the caches
// fc-cache keeps of them, not the system's whole configuration: loading that
// (/etc/fonts/fonts.conf and its ~60 conf.d files) cost 26 M instructions at
// every start, half of a screen's font setup, and its rules (aliases,
// hinting, bitmap rejection) do not change which file a named family is. So
// names are looked up in a small configuration of the standard folders
// (/usr/share/fonts, /usr/local/share/fonts) and /var/cache/fontconfig; it
// answers the same files as the full configuration (tested). The full one is
// loaded only for the system fallback, whose "sans-serif" preference needs the
// aliases, and only when a codepoint first needs it; it is used for names too
// when FONTCONFIG_FILE, FONTCONFIG_PATH or FONTCONFIG_SYSROOT say that someone
// configured fontconfig on purpose. Thread-compatible.
#pragma once

#include <fontconfig/fontconfig.h>

#include <memory>
#include <string>
#include <vector>

#include "layout/display_list.h"

namespace foyer {

// One font file (and face within it) as fontconfig found it.
struct FontFile {
  std::string path;
  long index = 0;               // face in a collection (.ttc), from FC_INDEX
  bool synthetic_bold = false;  // no bold face: SDL_ttf emboldens the regular one
  // The codepoints fontconfig says it has (a copy of its charset, free of
  // fontconfig's caches), to skip opening it for one it lacks; null when
  // not known.
  std::shared_ptr<const FcCharSet> charset;
};

// A font that has some codepoint, from FontCatalog::Covering.
struct CatalogFont {
  std::string family;
  FontFile file;
};

class FontCatalog {
 public:
  FontCatalog();
  ~FontCatalog();
  FontCatalog(const FontCatalog&) = delete;
  FontCatalog& operator=(const FontCatalog&) = delete;

  // The installed file fontconfig picks for family in weight. False when its
  // best match is some other family (fontconfig always answers something),
  // or, for bold, when the family has no bold face.
  bool Match(const std::string& family, FontWeight weight, FontFile* file);
  // Scalable fonts without colour glyphs whose character set has codepoint,
  // in the order fontconfig prefers them for sans-serif text.
  std::vector<CatalogFont> Covering(char32_t codepoint);
  // Lets go of the configurations and the font caches they map (fc-cache's
  // files: ~0.7 MiB of a screen's memory for weeks). Match and Covering load
  // them again when next asked.
  void Forget();

 private:
  FcConfig* Names();
  FcConfig* System();

  FcConfig* names_ = nullptr;   // font folders and caches only (or the system's)
  FcConfig* system_ = nullptr;  // the whole configuration, loaded when first needed
};

}  // namespace foyer
