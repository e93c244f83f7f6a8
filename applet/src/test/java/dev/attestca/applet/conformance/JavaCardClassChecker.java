package dev.attestca.applet.conformance;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks compiled applet classes against what a Java Card (classic) converter accepts, by reading
 * the class files directly (JVMS chapter 4):
 *
 * <ul>
 *   <li>class-file version at most 52 (Java 8);
 *   <li>every class referenced, in the constant pool and in descriptors, belongs to the Java Card
 *       API ({@code javacard.*}, {@code javacardx.*}, the few {@code java.lang}, {@code java.io}
 *       and {@code java.rmi} types it defines) or to the applet's own package;
 *   <li>no {@code int}, {@code long}, {@code float}, {@code double} or {@code char} in field and
 *       method types, no constants of those kinds in code (an {@code int} constant is loaded only
 *       when it does not fit in a short), no strings, no invokedynamic, no monitors;
 *   <li>no allocation ({@code new}, {@code newarray}, {@code anewarray}, {@code multianewarray}, or
 *       the API's object factories) outside constructors, static initialisers and {@code install}.
 * </ul>
 *
 * <p>Each problem is reported as one line naming the class, the rule and the offending value.
 * Stateless and thread-safe.
 */
public final class JavaCardClassChecker {
  /** The newest class-file major version a Java Card converter reads. */
  public static final int MAX_MAJOR_VERSION = 52;

  private static final Set<String> ALLOWED_JAVA_TYPES =
      Set.of(
          "java/lang/Object",
          "java/lang/Throwable",
          "java/lang/Exception",
          "java/lang/RuntimeException",
          "java/lang/ArithmeticException",
          "java/lang/ArrayIndexOutOfBoundsException",
          "java/lang/ArrayStoreException",
          "java/lang/ClassCastException",
          "java/lang/IndexOutOfBoundsException",
          "java/lang/NegativeArraySizeException",
          "java/lang/NullPointerException",
          "java/lang/SecurityException",
          "java/io/IOException",
          "java/rmi/Remote",
          "java/rmi/RemoteException");

  /** Methods of the Java Card API that create objects. */
  private static final Set<String> FACTORY_METHODS =
      Set.of(
          "makeTransientByteArray",
          "makeTransientShortArray",
          "makeTransientBooleanArray",
          "makeTransientObjectArray",
          "makeGlobalArray",
          "buildKey",
          "getInstance");

  /** Methods allowed to allocate. */
  private static final Set<String> ALLOCATING_METHODS = Set.of("<init>", "<clinit>", "install");

  private final String ownPackage;

  /**
   * Creates a checker.
   *
   * @param ownPackage the applet's package in internal form, for example {@code
   *     dev/attestca/applet}; its classes may be referenced
   */
  public JavaCardClassChecker(String ownPackage) {
    this.ownPackage = ownPackage + "/";
  }

  /** Checks every class file under a directory; returns the problems found, in file order. */
  public List<String> checkTree(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      List<String> problems = new ArrayList<>();
      files
          .filter(f -> f.toString().endsWith(".class"))
          .sorted()
          .forEach(f -> problems.addAll(check(f)));
      return problems;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Checks one class file; returns the problems found. */
  public List<String> check(Path classFile) {
    try {
      return new ClassFile(Files.readAllBytes(classFile), classFile.getFileName().toString())
          .check();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean allowedClass(String internalName) {
    return internalName.startsWith("javacard/")
        || internalName.startsWith("javacardx/")
        || ALLOWED_JAVA_TYPES.contains(internalName)
        || (internalName.startsWith(ownPackage)
            && internalName.indexOf('/', ownPackage.length()) < 0);
  }

  /** One parsed class file. */
  private final class ClassFile {
    private static final int UTF8 = 1;
    private static final int INTEGER = 3;
    private static final int FLOAT = 4;
    private static final int LONG = 5;
    private static final int DOUBLE = 6;
    private static final int CLASS = 7;
    private static final int STRING = 8;
    private static final int FIELD_REF = 9;
    private static final int METHOD_REF = 10;
    private static final int INTERFACE_METHOD_REF = 11;
    private static final int NAME_AND_TYPE = 12;
    private static final int METHOD_HANDLE = 15;
    private static final int METHOD_TYPE = 16;
    private static final int DYNAMIC = 17;
    private static final int INVOKE_DYNAMIC = 18;
    private static final int MODULE = 19;
    private static final int PACKAGE = 20;

    private final DataInputStream in;
    private final String fileName;
    private final List<String> problems = new ArrayList<>();
    private String className;
    private int[] tags;
    private String[] utf8;
    private int[] first;
    private int[] second;

    ClassFile(byte[] bytes, String fileName) {
      this.in = new DataInputStream(new ByteArrayInputStream(bytes));
      this.fileName = fileName;
      this.className = fileName;
    }

    List<String> check() throws IOException {
      if (in.readInt() != 0xCAFEBABE) {
        problems.add(fileName + ": not a class file");
        return problems;
      }
      in.readUnsignedShort(); // minor
      int major = in.readUnsignedShort();
      readConstantPool();
      in.readUnsignedShort(); // access flags
      className = utf8[first[in.readUnsignedShort()]];
      if (major > MAX_MAJOR_VERSION) {
        report("class-file version " + major + " is above " + MAX_MAJOR_VERSION);
      }
      checkConstantPool();
      in.readUnsignedShort(); // super class, checked with the constant pool
      int interfaces = in.readUnsignedShort();
      for (int i = 0; i < interfaces; i++) {
        in.readUnsignedShort();
      }
      int fields = in.readUnsignedShort();
      for (int i = 0; i < fields; i++) {
        readMember("field");
      }
      int methods = in.readUnsignedShort();
      for (int i = 0; i < methods; i++) {
        readMember("method");
      }
      return problems;
    }

    private void readConstantPool() throws IOException {
      int count = in.readUnsignedShort();
      tags = new int[count];
      utf8 = new String[count];
      first = new int[count];
      second = new int[count];
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        tags[i] = tag;
        switch (tag) {
          case UTF8 -> utf8[i] = in.readUTF();
          case INTEGER -> first[i] = in.readInt();
          case FLOAT -> in.readInt();
          case LONG, DOUBLE -> {
            in.readLong();
            i++;
          }
          case CLASS, STRING, METHOD_TYPE, MODULE, PACKAGE -> first[i] = in.readUnsignedShort();
          case FIELD_REF,
              METHOD_REF,
              INTERFACE_METHOD_REF,
              NAME_AND_TYPE,
              DYNAMIC,
              INVOKE_DYNAMIC -> {
            first[i] = in.readUnsignedShort();
            second[i] = in.readUnsignedShort();
          }
          case METHOD_HANDLE -> {
            in.readUnsignedByte();
            first[i] = in.readUnsignedShort();
          }
          default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
        }
      }
    }

    private void checkConstantPool() {
      for (int i = 1; i < tags.length; i++) {
        switch (tags[i]) {
          case FLOAT -> report("float constant (constant pool entry " + i + ")");
          case LONG -> report("long constant (constant pool entry " + i + ")");
          case DOUBLE -> report("double constant (constant pool entry " + i + ")");
          case STRING -> report("string constant \"" + utf8[first[i]] + "\"");
          case METHOD_HANDLE, METHOD_TYPE, DYNAMIC, INVOKE_DYNAMIC ->
              report("dynamic invocation (constant pool entry " + i + ")");
          case CLASS -> checkClassName(utf8[first[i]]);
          case NAME_AND_TYPE -> checkDescriptor(utf8[second[i]], "reference " + utf8[first[i]]);
          default -> {}
        }
      }
    }

    private void readMember(String kind) throws IOException {
      in.readUnsignedShort(); // access flags
      String name = utf8[in.readUnsignedShort()];
      String descriptor = utf8[in.readUnsignedShort()];
      checkDescriptor(descriptor, kind + " " + name);
      int attributes = in.readUnsignedShort();
      for (int i = 0; i < attributes; i++) {
        String attribute = utf8[in.readUnsignedShort()];
        int length = in.readInt();
        byte[] body = in.readNBytes(length);
        if (attribute.equals("Code")) {
          checkCode(name, body, !ALLOCATING_METHODS.contains(name));
        }
      }
    }

    private void checkClassName(String name) {
      if (name.startsWith("[")) {
        checkDescriptor(name, "array type");
      } else if (!allowedClass(name)) {
        report("references " + name + ", which is not in the Java Card API");
      }
    }

    private void checkDescriptor(String descriptor, String where) {
      for (int i = 0; i < descriptor.length(); i++) {
        char c = descriptor.charAt(i);
        switch (c) {
          case 'L' -> {
            int end = descriptor.indexOf(';', i);
            String type = descriptor.substring(i + 1, end);
            if (!allowedClass(type)) {
              report(where + " uses " + type + ", which is not in the Java Card API");
            }
            i = end;
          }
          case 'I' -> report(where + " uses int");
          case 'J' -> report(where + " uses long");
          case 'F' -> report(where + " uses float");
          case 'D' -> report(where + " uses double");
          case 'C' -> report(where + " uses char");
          default -> {}
        }
      }
    }

    /**
     * Walks a Code attribute's instructions looking for int constants outside the short range,
     * monitors and, unless the method may allocate, allocation.
     */
    private void checkCode(String method, byte[] attribute, boolean noAllocation)
        throws IOException {
      DataInputStream code = new DataInputStream(new ByteArrayInputStream(attribute));
      code.readUnsignedShort(); // max stack
      code.readUnsignedShort(); // max locals
      byte[] bytes = code.readNBytes(code.readInt());
      int pc = 0;
      while (pc < bytes.length) {
        int opcode = bytes[pc] & 0xFF;
        switch (opcode) {
          case 0x12, 0x13 -> {
            int index = opcode == 0x12 ? bytes[pc + 1] & 0xFF : u2(bytes, pc + 1);
            if (tags[index] == INTEGER) {
              report("method " + method + " loads the int constant " + first[index]);
            }
          }
          case 0xBB, 0xBC, 0xBD, 0xC5 -> {
            if (noAllocation) {
              report(
                  "method " + method + " allocates (opcode " + Integer.toHexString(opcode) + ")");
            }
          }
          case 0xB6, 0xB7, 0xB8, 0xB9 -> {
            int ref = u2(bytes, pc + 1);
            String called = utf8[first[second[ref]]];
            if (noAllocation && FACTORY_METHODS.contains(called)) {
              report("method " + method + " allocates (calls " + called + ")");
            }
          }
          case 0xC2, 0xC3 -> report("method " + method + " synchronizes (monitor instruction)");
          default -> {}
        }
        pc += instructionLength(bytes, pc);
      }
    }

    private int instructionLength(byte[] code, int pc) {
      int opcode = code[pc] & 0xFF;
      if (opcode == 0xAA || opcode == 0xAB) {
        int p = (pc + 4) & ~3; // operands start 4-byte aligned after the opcode
        if (opcode == 0xAA) {
          int low = s4(code, p + 4);
          int high = s4(code, p + 8);
          return p + 12 + 4 * (high - low + 1) - pc;
        }
        return p + 8 + 8 * s4(code, p + 4) - pc;
      }
      if (opcode == 0xC4) {
        return (code[pc + 1] & 0xFF) == 0x84 ? 6 : 4;
      }
      return LENGTHS[opcode];
    }

    private void report(String problem) {
      problems.add(className + ": " + problem);
    }
  }

  private static int u2(byte[] b, int i) {
    return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
  }

  private static int s4(byte[] b, int i) {
    return (b[i] & 0xFF) << 24
        | (b[i + 1] & 0xFF) << 16
        | (b[i + 2] & 0xFF) << 8
        | (b[i + 3] & 0xFF);
  }

  /** Instruction lengths in bytes, opcode included, for the fixed-length opcodes (JVMS 6.5). */
  private static final int[] LENGTHS = new int[256];

  static {
    java.util.Arrays.fill(LENGTHS, 1);
    LENGTHS[0x10] = 2; // bipush
    LENGTHS[0x11] = 3; // sipush
    LENGTHS[0x12] = 2; // ldc
    LENGTHS[0x13] = 3; // ldc_w
    LENGTHS[0x14] = 3; // ldc2_w
    for (int op = 0x15; op <= 0x19; op++) {
      LENGTHS[op] = 2; // loads with an index
    }
    for (int op = 0x36; op <= 0x3A; op++) {
      LENGTHS[op] = 2; // stores with an index
    }
    LENGTHS[0x84] = 3; // iinc
    for (int op = 0x99; op <= 0xA8; op++) {
      LENGTHS[op] = 3; // conditional branches, goto, jsr
    }
    LENGTHS[0xA9] = 2; // ret
    for (int op = 0xB2; op <= 0xB8; op++) {
      LENGTHS[op] = 3; // field access, invokevirtual, invokespecial, invokestatic
    }
    LENGTHS[0xB9] = 5; // invokeinterface
    LENGTHS[0xBA] = 5; // invokedynamic
    LENGTHS[0xBB] = 3; // new
    LENGTHS[0xBC] = 2; // newarray
    LENGTHS[0xBD] = 3; // anewarray
    LENGTHS[0xC0] = 3; // checkcast
    LENGTHS[0xC1] = 3; // instanceof
    LENGTHS[0xC5] = 4; // multianewarray
    LENGTHS[0xC6] = 3; // ifnull
    LENGTHS[0xC7] = 3; // ifnonnull
    LENGTHS[0xC8] = 5; // goto_w
    LENGTHS[0xC9] = 5; // jsr_w
  }
}
