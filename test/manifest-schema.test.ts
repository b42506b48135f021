/**
 * manifest.xml against Microsoft's XSDs, offline: xmllint with the schemas from
 * ../shared/schemas/office-manifest or IKK_MANIFEST_XSD_DIR (source and patches in
 * docs/manifest-schemas.md; skipped with a warning where they are absent). Checks the root
 * manifest, the one the build wrote to dist/excel (run `npm run build` first), and that a
 * broken copy fails. The production manifest (IKK_BASE_URL) is validated in
 * manifest-production.test.ts.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { manifestSchemasAvailable, validateManifest } from "./helpers/xmllint";

const ROOT = path.join(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const BUILT = path.join(ROOT, "dist", "excel", "manifest.xml");

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ikk-manifest-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Writes `xml` to a temporary file and validates it. */
function validateText(name: string, xml: string) {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, xml);
  return validateManifest(file);
}

const describeWithSchemas = manifestSchemasAvailable() ? describe : describe.skip;

describeWithSchemas("manifest.xml against the Office XSDs (xmllint)", () => {
  test("the root manifest.xml validates", () => {
    const r = validateManifest(MANIFEST);
    expect(r.output).toContain("validates");
    expect(r.status).toBe(0);
  });

  test("dist/excel/manifest.xml from the build validates", () => {
    expect(fs.existsSync(BUILT)).toBe(true);
    const r = validateManifest(BUILT);
    expect(r.output).toContain("validates");
    expect(r.status).toBe(0);
  });

  describe("a broken copy fails", () => {
    const source = fs.readFileSync(MANIFEST, "utf8");

    test("an element in the wrong place (Permissions before DefaultSettings)", () => {
      const permissions = "  <Permissions>ReadWriteDocument</Permissions>\n";
      expect(source).toContain(permissions);
      const broken = source.replace(permissions, "").replace("  <DefaultSettings>", permissions + "  <DefaultSettings>");
      const r = validateText("order.xml", broken);
      expect(r.status).not.toBe(0);
      expect(r.output).toMatch(/Permissions.*not expected|fails to validate/s);
    });

    test("an unknown element inside Host", () => {
      const r = validateText("unknown.xml", source.replace("<Runtimes>", "<Onbekend /><Runtimes>"));
      expect(r.status).not.toBe(0);
      expect(r.output).toContain("Onbekend");
    });

    test("a Runtime lifetime that is neither short nor long", () => {
      expect(source).toContain('lifetime="long"');
      const r = validateText("lifetime.xml", source.replace('lifetime="long"', 'lifetime="eeuwig"'));
      expect(r.status).not.toBe(0);
      expect(r.output).toContain("lifetime");
    });

    test("a version that is not four numbers", () => {
      const r = validateText("version.xml", source.replace(/<Version>[^<]*<\/Version>/, "<Version>1.0.0.0.0</Version>"));
      expect(r.status).not.toBe(0);
    });

    test("Id missing", () => {
      const r = validateText("id.xml", source.replace(/\s*<Id>[^<]*<\/Id>/, ""));
      expect(r.status).not.toBe(0);
    });
  });
});
