// SharedLibrary: a system library opened when foyer first needs it (dlopen)
// instead of at exec. For libcurl and libmosquitto, which only the
// background sync and fleet threads use: with their ~30 dependencies (TLS,
// Kerberos, LDAP, SSH) linked at exec, the dynamic linker spent ~20 M
// instructions binding their symbols before the screen's first frame.
//
// Opened libraries stay loaded for the life of the process (the threads that
// use them may outlive any owner). Thread-compatible; open once, e.g. in a
// function-local static.
#pragma once

#include <string>

#include "base/status.h"

namespace foyer {

class SharedLibrary {
 public:
  // Opens the library with this soname (e.g. "libcurl.so.4"). The error names
  // the Debian package that provides it.
  static Result<SharedLibrary> Open(const std::string& soname, const std::string& debian_package);
  // The library when something in this process has loaded it already (a
  // dependency of one opened before); never loads it. Fails otherwise.
  static Result<SharedLibrary> OpenIfLoaded(const std::string& soname,
                                            const std::string& debian_package);

  // Sets function to the library's symbol of that name; null, and status()
  // failed, when it has none (a library older than foyer was built against).
  template <typename Function>
  void Bind(Function*& function, const char* symbol) {
    function = reinterpret_cast<Function*>(Address(symbol));
  }

  // Ok while every Bind found its symbol; else which did not.
  const Status& status() const { return status_; }

 private:
  SharedLibrary(void* handle, std::string soname, std::string debian_package);
  void* Address(const char* symbol);

  void* handle_;  // never closed
  std::string soname_, debian_package_;
  Status status_;
};

}  // namespace foyer
