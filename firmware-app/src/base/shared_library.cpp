#include "base/shared_library.h"

#include <dlfcn.h>

namespace foyer {

Result<SharedLibrary> SharedLibrary::Open(const std::string& soname,
                                          const std::string& debian_package) {
  void* handle = dlopen(soname.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* why = dlerror();
    return Status::Error("cannot load " + soname + " (" + (why ? why : "unknown error") +
                         "); install the Debian package " + debian_package);
  }
  return SharedLibrary(handle, soname, debian_package);
}

Result<SharedLibrary> SharedLibrary::OpenIfLoaded(const std::string& soname,
                                                  const std::string& debian_package) {
  void* handle = dlopen(soname.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NOLOAD);
  if (handle == nullptr) return Status::Error(soname + " is not loaded");
  return SharedLibrary(handle, soname, debian_package);
}

SharedLibrary::SharedLibrary(void* handle, std::string soname, std::string debian_package)
    : handle_(handle), soname_(std::move(soname)), debian_package_(std::move(debian_package)) {}

void* SharedLibrary::Address(const char* symbol) {
  dlerror();
  void* address = dlsym(handle_, symbol);
  if (address == nullptr && status_.ok())
    status_ = Status::Error(soname_ + " has no " + symbol + "; install a newer " + debian_package_ +
                            " (foyer was built against a newer one)");
  return address;
}

}  // namespace foyer
