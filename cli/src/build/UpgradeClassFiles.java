import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Build step of the cli module (see cli/pom.xml), run on the shaded jar: rewrites the class files
 * below a package that are older than Java 6 (picocli's jar targets Java 5) as Java 8 class files,
 * with the stack-map frames ASM computes. Nothing else in them changes. Why: the JVM's
 * class-data-sharing archive (the graft launcher's AppCDS) refuses class files older than Java 6,
 * and with them every class that implements one of their interfaces, so picocli was loaded and
 * verified from the jar on every run. Afterwards each rewritten class is loaded and linked (which
 * verifies it) in a fresh class loader, and the build fails if one does not verify.
 *
 * <p>Usage: {@code java -cp ASM_JAR UpgradeClassFiles.java JAR PACKAGE_DIR}, e.g. {@code picocli/}.
 */
public final class UpgradeClassFiles {

    private static final int JAVA_6 = 50;

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        String prefix = args[1];
        List<String> upgraded = new ArrayList<>();
        try (URLClassLoader original = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
                FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            List<Path> classes;
            try (Stream<Path> files = Files.walk(zip.getPath(prefix))) {
                classes = files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
            }
            // Read everything first: frames are computed against the original classes.
            List<byte[]> rewritten = new ArrayList<>();
            for (Path file : classes) {
                byte[] bytes = Files.readAllBytes(file);
                rewritten.add(majorVersion(bytes) < JAVA_6 ? upgrade(bytes, original) : null);
            }
            for (int i = 0; i < classes.size(); i++) {
                if (rewritten.get(i) != null) {
                    Files.write(classes.get(i), rewritten.get(i));
                    String name = classes.get(i).toString();
                    upgraded.add(name.substring(name.startsWith("/") ? 1 : 0, name.length() - ".class".length())
                            .replace('/', '.'));
                }
            }
        }
        verify(jar, upgraded);
        System.out.println("UpgradeClassFiles: " + upgraded.size() + " class files below " + prefix
                + " rewritten as Java 8 class files and verified");
    }

    private static int majorVersion(byte[] classFile) {
        return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }

    private static byte[] upgrade(byte[] classFile, ClassLoader classes) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return classes;
            }
        };
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }

    /** Loads and links (so verifies) every rewritten class from the rewritten jar. */
    private static void verify(Path jar, List<String> names) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (String name : names) {
                try {
                    Class.forName(name, false, loader).getDeclaredMethods(); // links the class
                } catch (ClassNotFoundException | VerifyError | ClassFormatError e) {
                    throw new IllegalStateException("rewritten class " + name + " does not verify: " + e, e);
                } catch (LinkageError e) {
                    // A method signature names a class the jar lacks: not the bytecode's fault.
                }
            }
        }
    }
}
