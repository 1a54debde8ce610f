// Message digests by the names Step Functions gives them (States.Hash, JSONata's $hash): MD5,
// SHA-1, SHA-256, SHA-384 and SHA-512, computed by OpenSSL and written as lowercase hex.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sfn {

enum class DigestAlgorithm { kMd5, kSha1, kSha256, kSha384, kSha512 };

// The algorithm named "MD5", "SHA-1", "SHA-256", "SHA-384" or "SHA-512" (exactly, case
// included); nullopt for any other name.
std::optional<DigestAlgorithm> digest_algorithm(std::string_view name);

// The digest of `data` in lowercase hex. Throws std::runtime_error if OpenSSL fails (it does not
// for these algorithms, short of running out of memory).
std::string hex_digest(DigestAlgorithm algorithm, std::string_view data);

}  // namespace sfn
