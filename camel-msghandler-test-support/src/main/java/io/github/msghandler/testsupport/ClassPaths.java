package io.github.msghandler.testsupport;

import java.io.File;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/** Class loaders for proving that an optional dependency is optional. */
public final class ClassPaths {
    private ClassPaths() {
    }

    /**
     * A class loader over this JVM's class path without the entries whose path contains any of {@code fragments}
     * (say "arrow"), its parent the platform class loader, so nothing leaks in from the test's own loader. The
     * caller closes it.
     */
    public static URLClassLoader without(String... fragments) {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (List.of(fragments).stream().noneMatch(entry::contains)) {
                try {
                    urls.add(new File(entry).toURI().toURL());
                } catch (MalformedURLException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}
