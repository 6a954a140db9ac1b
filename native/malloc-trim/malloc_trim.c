/*
 * trim(): glibc's malloc_trim(0), which hands the whole free pages of every malloc arena back to the
 * system. glibc keeps what a thread freed in that thread's arena; with worker threads reading and
 * writing thousands of articles, that retained memory is a large part of the process's resident
 * size (README, "Speed and memory"). Elsewhere than glibc it does nothing and returns false.
 */
#include <node_api.h>
#include <stdbool.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

static napi_value Trim(napi_env env, napi_callback_info info) {
  (void)info;
  bool released = false;
#ifdef __GLIBC__
  released = malloc_trim(0) != 0;
#endif
  napi_value result;
  napi_get_boolean(env, released, &result);
  return result;
}

static napi_value Init(napi_env env, napi_value exports) {
  napi_value fn;
  napi_create_function(env, "trim", NAPI_AUTO_LENGTH, Trim, NULL, &fn);
  napi_set_named_property(env, exports, "trim", fn);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
