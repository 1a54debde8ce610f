#include "integrations/net/connection.h"

#include <sys/socket.h>

#include <algorithm>
#include <cerrno>

namespace sfn::integrations::net {

PlainStream& Connection::tcp() {
  if (auto* plain = std::get_if<PlainStream>(&stream)) return *plain;
  return std::get<TlsStream>(stream).next_layer();
}

void Connection::close() {
  boost::system::error_code ignored;
  tcp().socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  tcp().socket().close(ignored);
}

bool Connection::reusable() {
  auto& socket = tcp().socket();
  if (!socket.is_open() || buffer.size() > 0) return false;
  // A peek that would block means the peer neither closed the connection (0) nor sent anything
  // (a TLS close_notify, or a stray answer) since the last answer.
  char byte = 0;
  const ssize_t n = ::recv(socket.native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

std::shared_ptr<Connection> ConnectionPool::take(const std::string& key) {
  std::shared_ptr<Connection> found;
  std::deque<std::shared_ptr<Connection>> stale;
  {
    std::lock_guard lock(mutex_);
    const auto oldest_kept = std::chrono::steady_clock::now() - max_idle_;
    while (!idle_.empty() && idle_.front()->idle_since < oldest_kept) {
      stale.push_back(std::move(idle_.front()));
      idle_.pop_front();
    }
    for (std::size_t i = idle_.size(); i-- > 0 && !found;) {
      if (idle_[i]->key != key) continue;
      auto c = std::move(idle_[i]);
      idle_.erase(idle_.begin() + static_cast<std::ptrdiff_t>(i));
      if (c->reusable()) {
        found = std::move(c);
      } else {
        stale.push_back(std::move(c));
      }
    }
  }
  for (auto& c : stale) c->close();
  return found;
}

void ConnectionPool::put(std::shared_ptr<Connection> c) {
  std::deque<std::shared_ptr<Connection>> dropped;
  {
    std::lock_guard lock(mutex_);
    const std::string key = c->key;
    idle_.push_back(std::move(c));
    std::size_t same = 0;
    for (const auto& i : idle_) same += i->key == key ? 1 : 0;
    for (auto it = idle_.begin(); same > per_host_ && it != idle_.end();) {
      if ((*it)->key == key) {
        dropped.push_back(std::move(*it));
        it = idle_.erase(it);
        --same;
      } else {
        ++it;
      }
    }
    while (idle_.size() > total_) {
      dropped.push_back(std::move(idle_.front()));
      idle_.pop_front();
    }
  }
  for (auto& d : dropped) d->close();
}

std::size_t ConnectionPool::idle() const {
  std::lock_guard lock(mutex_);
  return idle_.size();
}

}  // namespace sfn::integrations::net
