package io.mempool.core;

import io.mempool.api.MempoolFlag;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Registers a pool's {@link MempoolMXBean} on create and unregisters it on close.
 */
final class MempoolJmx implements MempoolMXBean {
    private final Mempool mp;

    private MempoolJmx(final Mempool mp) {
        this.mp = mp;
    }

    static ObjectName objectName(final String poolName) {
        try {
            return new ObjectName("io.mempool:type=Mempool,name=" + poolName);
        } catch (final JMException ex) {
            throw new IllegalStateException("pool " + poolName + ": no JMX name", ex);
        }
    }

    static void register(final Mempool mp) {
        try {
            server().registerMBean(new MempoolJmx(mp), objectName(mp.name()));
        } catch (final JMException ex) {
            throw new IllegalStateException("pool " + mp.name() + ": JMX registration failed: " + ex, ex);
        }
    }

    static void unregister(final Mempool mp) {
        try {
            server().unregisterMBean(objectName(mp.name()));
        } catch (final JMException ex) {
            throw new IllegalStateException("pool " + mp.name() + ": JMX unregistration failed: " + ex, ex);
        }
    }

    private static MBeanServer server() {
        return ManagementFactory.getPlatformMBeanServer();
    }

    @Override
    public String getName() {
        return mp.name();
    }

    @Override
    public String getOpsName() {
        return mp.opsName();
    }

    @Override
    public Set<String> getFlags() {
        final Set<String> names = new TreeSet<>();
        mp.flags().forEach(flag -> names.add(flag.name()));
        return names;
    }

    @Override
    public int getSize() {
        return mp.size();
    }

    @Override
    public int getElementSize() {
        return mp.elementSize();
    }

    @Override
    public int getTotalElementSize() {
        return mp.totalElementSize();
    }

    @Override
    public int getCacheSize() {
        return mp.cacheSize();
    }

    @Override
    public int getPrivateDataSize() {
        return mp.privateDataSize();
    }

    @Override
    public int getPopulatedSize() {
        return mp.populatedSize();
    }

    @Override
    public int getAvailCount() {
        return mp.availCount();
    }

    @Override
    public int getInUseCount() {
        return mp.inUseCount();
    }

    @Override
    public boolean isStatsEnabled() {
        return mp.flags().contains(MempoolFlag.STATS);
    }

    @Override
    public Map<String, Long> getStats() {
        return mp.stats().toMap();
    }

    @Override
    public void resetStats() {
        mp.resetStats();
    }

    @Override
    public String dump() {
        final StringBuilder out = new StringBuilder();
        mp.dump(out);
        return out.toString();
    }
}
