#ifndef IISFAKE_DETAIL_HEADER_TABLE_HPP_INCLUDED
#define IISFAKE_DETAIL_HEADER_TABLE_HPP_INCLUDED

// The headers of one request (and, later, one response) as http.sys lays them out in the live
// raw struct: one slot per known header, an array of unknown ones, and the server-owned memory
// behind them.
//
// Memory follows what is live, whatever module code does: a new unknown header goes into the
// array in place while it has room (the array grows geometrically, as a vector does), an append
// (fReplace == FALSE) extends its value in place while the value's block has room, and
// deletions close the gap in place. Nothing the table handed out is freed before the table
// dies, so a pointer module code kept stays readable; a replaced value keeps its old text. With
// poisoning on, every block the table stops using (a replaced or deleted value, the array when
// it grows) is overwritten with "<stale>" instead, and values are never extended in place, so
// memory then also grows with the bytes replaced.
//
// Module code may write into the raw struct directly (T-8): the table never writes into memory
// it did not allocate, and takes a module's own unknown-header array over by copying it.

#include <cstddef>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "iisfake/detail/ascii.hpp"
#include "iisfake/detail/storage.hpp"
#include "iisfake/http_types.hpp"

IISFAKE_BEGIN_NAMESPACE
namespace detail {

constexpr std::size_t max_ushort = 0xFFFF;

inline bool bad_value_byte(char c) noexcept { return c == '\r' || c == '\n' || c == '\0'; }

// The separator is the test's choice, and CR or LF in it would inject headers.
inline void check_separator(const std::string& separator) {
    for (char c : separator)
        if (bad_value_byte(c))
            throw std::invalid_argument("iisfake: Options::append_separator holds CR, LF or NUL");
}


template <class Headers, std::size_t KnownCount>
class HeaderTable {
public:
    enum class Status {
        ok,
        too_long,  // the value would pass the USHORT length (T-5)
        too_many   // a 65536th unknown header
    };

    // `poison` is read at every change, so a test may turn it on or off at any time.
    HeaderTable(Headers& raw, const bool& poison) noexcept : raw_(raw), poison_(poison) {}
    HeaderTable(const HeaderTable&) = delete;
    HeaderTable& operator=(const HeaderTable&) = delete;

    // Counts every change; GetHeaderChanges reports it.
    DWORD change_number() const noexcept { return changes_; }
    // Changes made while the request is being built are not changes a module made.
    void forget_changes() noexcept {
        changes_ = 0;
        for (auto& block : known_) block.changed = 0;
        for (auto& block : values_) block.changed = 0;
    }

    // The unknown entries module code would see, never past the end of an array the table owns.
    std::size_t unknown_count() const noexcept {
        if (!raw_.pUnknownHeaders) return 0;
        if (raw_.pUnknownHeaders == array_ && raw_.UnknownHeaderCount > capacity_) return capacity_;
        return raw_.UnknownHeaderCount;
    }
    // The change number of the last change to known slot `id` or unknown entry `index`; 0 when
    // it has not changed since the request was built or module code put it there itself.
    DWORD known_changed_at(int id) const noexcept {
        const Block& block = known_[id];
        return block.data == raw_.KnownHeaders[id].pRawValue ? block.changed : 0;
    }
    DWORD unknown_changed_at(std::size_t index) const noexcept {
        if (raw_.pUnknownHeaders != array_ || index >= capacity_) return 0;
        const Block& block = values_[index];
        return block.data == array_[index].pRawValue ? block.changed : 0;
    }

    // The first unknown entry of that name (ASCII case-insensitive), or NULL.
    const HTTP_UNKNOWN_HEADER* find_unknown(const char* name, std::size_t length) const noexcept {
        const HTTP_UNKNOWN_HEADER* entries = raw_.pUnknownHeaders;
        const std::size_t count = unknown_count();
        for (std::size_t i = 0; i < count; ++i)
            if (named(entries[i], name, length) && entries[i].pRawValue) return &entries[i];
        return nullptr;
    }

    // Sets (replace) or extends (append, with `separator` between) known slot `id`.
    Status set_known(int id, const char* value, std::size_t length, bool replace,
                     const std::string& separator) {
        HTTP_KNOWN_HEADER& slot = raw_.KnownHeaders[id];
        const Status status = write(known_[id], slot.pRawValue, slot.RawValueLength, value,
                                    length, replace, separator);
        if (status == Status::ok) known_[id].changed = ++changes_;
        return status;
    }

    // Sets or extends the first unknown entry of that name, or adds one. Replacing drops later
    // repeats of the name, so the header has one value.
    Status set_unknown(const char* name, std::size_t name_length, const char* value,
                       std::size_t length, bool replace, const std::string& separator) {
        take_over();
        const std::size_t count = unknown_count();
        std::size_t found = 0;
        while (found < count && !named(array_[found], name, name_length)) ++found;
        if (found == count) return add_unknown(name, name_length, value, length);
        HTTP_UNKNOWN_HEADER& entry = array_[found];
        const Status status = write(values_[found], entry.pRawValue, entry.RawValueLength, value,
                                    length, replace, separator);
        if (status != Status::ok) return status;
        values_[found].changed = ++changes_;
        if (replace) remove_from(found + 1, name, name_length, true);
        return Status::ok;
    }

    // Adds an entry even when the name is there already: a client's repeated unknown header
    // stays two entries (REQ-GH-8).
    Status add_unknown(const char* name, std::size_t name_length, const char* value,
                       std::size_t length) {
        take_over();
        const std::size_t count = unknown_count();
        if (count >= max_ushort) return Status::too_many;
        if (name_length > max_ushort || length > max_ushort) return Status::too_long;
        if (count == capacity_) grow(count + 1);
        HTTP_UNKNOWN_HEADER entry = {};
        entry.pName = text_.copy(name, name_length);
        entry.NameLength = static_cast<USHORT>(name_length);
        char* data = text_.copy(value, length);
        entry.pRawValue = data;
        entry.RawValueLength = static_cast<USHORT>(length);
        array_[count] = entry;
        values_[count] = Block{data, length, ++changes_};
        raw_.pUnknownHeaders = array_;
        raw_.UnknownHeaderCount = static_cast<USHORT>(count + 1);
        return Status::ok;
    }

    // Empties known slot `id`; false when it was empty already.
    bool clear_known(int id) {
        HTTP_KNOWN_HEADER& slot = raw_.KnownHeaders[id];
        if (!slot.pRawValue) return false;
        slot.pRawValue = nullptr;
        slot.RawValueLength = 0;
        retire(known_[id]);
        known_[id].changed = ++changes_;
        return true;
    }

    // Removes every entry of that name (or the first only); false when there was none.
    bool remove_unknown(const char* name, std::size_t length, bool all) {
        const HTTP_UNKNOWN_HEADER* first = find_unknown(name, length);
        if (!first) return false;
        const auto index = static_cast<std::size_t>(first - raw_.pUnknownHeaders);
        take_over();  // the same entries, maybe in the fake's own copy
        remove_from(index, name, length, all);
        ++changes_;
        return true;
    }

    // Empties every known slot and the unknown array (IHttpResponse::ClearHeaders), in time
    // proportional to the headers there are.
    void clear_all() {
        for (std::size_t id = 0; id < KnownCount; ++id) clear_known(static_cast<int>(id));
        if (raw_.pUnknownHeaders != array_) {  // module code's own array: never written into
            if (raw_.pUnknownHeaders) ++changes_;
            raw_.pUnknownHeaders = nullptr;
            raw_.UnknownHeaderCount = 0;
            return;
        }
        const std::size_t count = unknown_count();
        for (std::size_t i = 0; i < count; ++i) {
            if (values_[i].data == array_[i].pRawValue) retire(values_[i]);
            values_[i] = Block{nullptr, 0, 0};
        }
        if (poison_) poison_entries(array_, 0, count);
        if (count) ++changes_;
        raw_.UnknownHeaderCount = 0;
    }

private:
    struct Block {
        char* data;            // a block of text_ (NULL: the slot holds no value of ours)
        std::size_t capacity;  // bytes it holds before its terminator
        DWORD changed;         // change number of the last change
    };

    static bool named(const HTTP_UNKNOWN_HEADER& entry, const char* name, std::size_t length) {
        return entry.pName && entry.NameLength == length && iequals(entry.pName, name, length);
    }

    // Stores a value into one slot: `current`/`current_length` are the slot's fields, `block`
    // what the table knows of the memory behind them.
    Status write(Block& block, PCSTR& current, USHORT& current_length, const char* value,
                 std::size_t length, bool replace, const std::string& separator) {
        const bool append = !replace && current;
        const bool ours = block.data && block.data == current;
        // A length module code wrote past the end of the fake's own block is never read.
        std::size_t kept = append ? current_length : 0;
        if (ours && kept > block.capacity) kept = block.capacity;
        const std::size_t joint = append ? separator.size() : 0;
        const std::size_t total = kept + joint + length;
        if (total > max_ushort) return Status::too_long;
        if (append && ours && !poison_ && total <= block.capacity) {
            // memmove: the value may be a slice of this very block (GetHeader's pointer).
            std::memmove(block.data + kept + joint, value, length);
            std::memcpy(block.data + kept, separator.data(), joint);
            block.data[total] = '\0';
            current_length = static_cast<USHORT>(total);
            return Status::ok;
        }
        // Appends leave room to grow, so repeated appends cost linear, not quadratic, memory.
        std::size_t capacity = total;
        if (append && !poison_) capacity = total * 2 < max_ushort ? total * 2 : max_ushort;
        char* data = text_.make(capacity);
        if (kept) std::memcpy(data, current, kept);
        std::memcpy(data + kept, separator.data(), joint);
        if (length) std::memcpy(data + kept + joint, value, length);
        if (ours) retire(block);
        block = Block{data, capacity, block.changed};
        current = data;
        current_length = static_cast<USHORT>(total);
        return Status::ok;
    }

    // Makes the raw struct's unknown-header array one the table owns, with room to write.
    void take_over() {
        if (raw_.pUnknownHeaders == array_) {
            if (raw_.UnknownHeaderCount > capacity_)
                raw_.UnknownHeaderCount = static_cast<USHORT>(capacity_);
            return;
        }
        if (!raw_.pUnknownHeaders) {  // module code emptied it: start again in the same room
            raw_.UnknownHeaderCount = 0;
            raw_.pUnknownHeaders = array_;
            return;
        }
        // Module code installed an array of its own: copy it, never write into it.
        const HTTP_UNKNOWN_HEADER* theirs = raw_.pUnknownHeaders;
        const std::size_t count = raw_.UnknownHeaderCount;
        HTTP_UNKNOWN_HEADER* mine = arrays_.make(count + 4);
        if (count) std::memcpy(mine, theirs, count * sizeof *mine);
        array_ = mine;
        capacity_ = count + 4;
        values_.assign(capacity_, Block{nullptr, 0, 0});
        raw_.pUnknownHeaders = array_;
    }

    void grow(std::size_t needed) {
        std::size_t capacity = capacity_ * 2 > needed ? capacity_ * 2 : needed;
        if (capacity < 4) capacity = 4;
        if (capacity > max_ushort) capacity = max_ushort;
        HTTP_UNKNOWN_HEADER* bigger = arrays_.make(capacity);
        const std::size_t count = unknown_count();
        if (count) std::memcpy(bigger, array_, count * sizeof *bigger);
        if (poison_) poison_entries(array_, 0, capacity_);
        array_ = bigger;
        capacity_ = capacity;
        values_.resize(capacity, Block{nullptr, 0, 0});
        raw_.pUnknownHeaders = array_;
    }

    // Removes entries named `name` at or after `from`, closing the gap in place.
    void remove_from(std::size_t from, const char* name, std::size_t length, bool all) {
        const std::size_t count = unknown_count();
        std::size_t kept = from;
        bool removed = false;
        for (std::size_t i = from; i < count; ++i) {
            if (named(array_[i], name, length) && (all || !removed)) {
                removed = true;
                if (values_[i].data == array_[i].pRawValue) retire(values_[i]);
                continue;
            }
            if (kept != i) {
                array_[kept] = array_[i];
                values_[kept] = values_[i];
            }
            ++kept;
        }
        for (std::size_t i = kept; i < count; ++i) values_[i] = Block{nullptr, 0, 0};
        if (poison_) poison_entries(array_, kept, count);
        raw_.UnknownHeaderCount = static_cast<USHORT>(kept);
    }

    void retire(Block& block) {
        if (poison_ && block.data) poison_text(block.data, block.capacity);
        block.data = nullptr;
        block.capacity = 0;
    }

    static void poison_entries(HTTP_UNKNOWN_HEADER* entries, std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) {
            entries[i].pName = stale_text;
            entries[i].NameLength = sizeof stale_text - 1;
            entries[i].pRawValue = stale_text;
            entries[i].RawValueLength = sizeof stale_text - 1;
        }
    }

    Headers& raw_;
    const bool& poison_;
    DWORD changes_ = 0;
    Block known_[KnownCount] = {};
    HTTP_UNKNOWN_HEADER* array_ = nullptr;  // the table's array; raw_ points at it unless not
    std::size_t capacity_ = 0;
    std::vector<Block> values_;  // what the table knows of array_[i].pRawValue, for each i
    Pool<char> text_;
    Pool<HTTP_UNKNOWN_HEADER> arrays_;
};

}  // namespace detail
IISFAKE_END_NAMESPACE

#endif
