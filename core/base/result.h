#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace LatencyLab::Core {

// A human-readable reason an expected operation failed.
struct Error
{
    QString message;
};

// Value or error: expected failures (bad input, unwritable files) are values, not exceptions.
template<typename T>
class Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}

    static Result failure(QString message) { return Result(Error{std::move(message)}); }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }

    const QString &error() const { return std::get<1>(m_data).message; }

private:
    std::variant<T, Error> m_data;
};

// For operations that produce nothing but may fail.
struct Success
{
};
using Status = Result<Success>;

inline Status success()
{
    return Success{};
}

} // namespace LatencyLab::Core
