package io.mempool.core;

import io.mempool.api.Checks;

import java.util.regex.Pattern;

/**
 * Every name rule of the pool in one place: pool names (DPDK's {@code RTE_MEMPOOL_NAMESIZE}), memzone
 * names, file prefixes and ops names. Each check fails with {@code what: "value" (expected: pattern)}.
 *
 * <p>Thread-safe: constants.
 */
enum NameRule {
    /** A pool: {@code [A-Za-z0-9_.-]{1,25}}, as DPDK's 25 characters. */
    POOL("[A-Za-z0-9_.-]{1," + Mempool.NAME_MAX_LENGTH + "}"),
    /** A memzone: {@code [A-Za-z0-9_.-]{1,63}}. */
    ZONE("[A-Za-z0-9_.-]{1," + Memzone.NAME_MAX_LENGTH + "}"),
    /** A shared-memory file prefix, as DPDK's {@code --file-prefix}. */
    FILE_PREFIX("[A-Za-z0-9_.-]{1,64}"),
    /** An ops name: {@code [a-z0-9_]{1,31}}, as DPDK's 32-byte name field. */
    OPS("[a-z0-9_]{1,31}");

    private final Pattern pattern;

    NameRule(final String regex) {
        this.pattern = Pattern.compile(regex);
    }

    /** @return whether {@code name} (non-null) follows the rule. */
    boolean matches(final String name) {
        return pattern.matcher(name).matches();
    }

    /**
     * @return {@code name} if it is non-null and follows the rule.
     * @throws IllegalArgumentException naming {@code what}, the value and the pattern.
     */
    String check(final String what, final String name) {
        Checks.notNull(what, name);
        if (!matches(name)) {
            throw new IllegalArgumentException(problem(what, name, ""));
        }
        return name;
    }

    /** @return the failure message for {@code name}, with {@code more} after the pattern. */
    String problem(final String what, final String name, final String more) {
        return Checks.message(what, name == null ? "null" : '"' + name + '"', pattern.pattern() + more);
    }
}
