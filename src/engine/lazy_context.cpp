#include "engine/lazy_context.h"

namespace sfn::engine {

const Json& LazyContext::context() const {
  if (!json_) json_ = context_object(frame_, state_, shown_);
  return *json_;
}

void LazyContext::refresh() {
  shown_ = visit_;
  if (!json_) return;  // nothing built yet: a later context() builds from shown_
  // The only fields work changes are $$.State.RetryCount and $$.Task.Token, so they are patched
  // instead of copying the whole object again.
  auto& st = (*json_)["State"];
  if (st.contains("RetryCount")) st["RetryCount"] = shown_.retry_count;
  if (!shown_.task_token) return;
  if (json_->contains("Map") && !json_->contains("Task")) {
    json_ = context_object(frame_, state_, shown_);  // keep AWS's key order (Task before Map)
    return;
  }
  (*json_)["Task"] = Json{{"Token", *shown_.task_token}};
}

}  // namespace sfn::engine
