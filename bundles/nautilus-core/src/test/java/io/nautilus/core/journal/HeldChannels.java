package io.nautilus.core.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Journal segment files whose writes and forces a test can hold (they block until released) or fail, so it can
 * check what the pipeline releases meanwhile. Holding applies to calls made after {@link #holdWrites()} or
 * {@link #holdForces()}; a held call waits at most 20 s.
 */
public final class HeldChannels implements JournalWriter.Channels {

    private final Gate writes = new Gate();
    private final Gate forces = new Gate();
    private volatile IOException failForce;

    /** Journal segment files, nothing held. */
    public HeldChannels() {
    }

    @Override
    public FileChannel open(Path path, OpenOption... options) throws IOException {
        return new Held(FileChannel.open(path, options));
    }

    /** Holds every later write until {@link #releaseWrites()}. */
    public void holdWrites() {
        writes.hold();
    }

    /** Lets writes through again, the held ones too. */
    public void releaseWrites() {
        writes.release();
    }

    /** Holds every later force until {@link #releaseForces()}. */
    public void holdForces() {
        forces.hold();
    }

    /** Lets forces through again, the held ones too. */
    public void releaseForces() {
        forces.release();
    }

    /** @return calls blocked in {@code force} now */
    public int forcesWaiting() {
        return forces.waiting.get();
    }

    /** @return calls blocked in {@code write} now */
    public int writesWaiting() {
        return writes.waiting.get();
    }

    /**
     * Makes every later force throw.
     *
     * @param failure what they throw
     */
    public void failForces(IOException failure) {
        failForce = failure;
    }

    private static final class Gate {
        private volatile boolean held;
        private final Semaphore open = new Semaphore(0);
        final AtomicInteger waiting = new AtomicInteger();

        void hold() {
            open.drainPermits();
            held = true;
        }

        void release() {
            held = false;
            open.release(Integer.MAX_VALUE / 2);
        }

        void pass() throws IOException {
            if (!held) {
                return;
            }
            waiting.incrementAndGet();
            try {
                if (!open.tryAcquire(20, TimeUnit.SECONDS)) {
                    throw new IOException("held for 20 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while held", e);
            } finally {
                waiting.decrementAndGet();
            }
        }
    }

    private final class Held extends FileChannel {
        private final FileChannel file;

        Held(FileChannel file) {
            this.file = file;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            writes.pass();
            return file.write(src);
        }

        @Override
        public void force(boolean metaData) throws IOException {
            forces.pass();
            IOException failure = failForce;
            if (failure != null) {
                throw failure;
            }
            file.force(metaData);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return file.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return file.read(dsts, offset, length);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            writes.pass();
            return file.write(srcs, offset, length);
        }

        @Override
        public long position() throws IOException {
            return file.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            file.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            file.truncate(size);
            return this;
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return file.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            return file.transferFrom(src, position, count);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return file.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            writes.pass();
            return file.write(src, position);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return file.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return file.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return file.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            file.close();
        }
    }
}
