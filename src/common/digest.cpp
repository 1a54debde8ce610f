#include "sfn/common/digest.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace sfn {

std::optional<DigestAlgorithm> digest_algorithm(std::string_view name) {
  if (name == "MD5") return DigestAlgorithm::kMd5;
  if (name == "SHA-1") return DigestAlgorithm::kSha1;
  if (name == "SHA-256") return DigestAlgorithm::kSha256;
  if (name == "SHA-384") return DigestAlgorithm::kSha384;
  if (name == "SHA-512") return DigestAlgorithm::kSha512;
  return std::nullopt;
}

std::string hex_digest(DigestAlgorithm algorithm, std::string_view data) {
  const EVP_MD* md = nullptr;
  switch (algorithm) {
    case DigestAlgorithm::kMd5:
      md = EVP_md5();
      break;
    case DigestAlgorithm::kSha1:
      md = EVP_sha1();
      break;
    case DigestAlgorithm::kSha256:
      md = EVP_sha256();
      break;
    case DigestAlgorithm::kSha384:
      md = EVP_sha384();
      break;
    case DigestAlgorithm::kSha512:
      md = EVP_sha512();
      break;
  }
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (md == nullptr || EVP_Digest(data.data(), data.size(), out, &len, md, nullptr) != 1) {
    throw std::runtime_error("OpenSSL could not compute a message digest");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * len);
  for (unsigned int i = 0; i < len; ++i) {
    hex += kHex[out[i] >> 4];
    hex += kHex[out[i] & 0xf];
  }
  return hex;
}

}  // namespace sfn
