/**
 * Production manifest for the Excel add-in: manifest.xml at the root keeps the development
 * address https://localhost:3000/; the build writes dist/excel/manifest.xml with every URL
 * moved under the base address from the IKK_BASE_URL environment variable (as the yo office
 * templates do while copying manifest.xml). Without the variable the base stays localhost.
 *
 *   IKK_BASE_URL=https://ikk.example.org/app npm run build
 */
const DEV_BASE = "https://localhost:3000/";
const DEV_ORIGIN = "https://localhost:3000";

/** A Dutch message for the person running the build; no stack trace, it is not a bug. */
class BaseUrlError extends Error {
  constructor(message) {
    super(message);
    this.stack = `${this.name}: ${message}`;
  }
}
BaseUrlError.prototype.name = "Fout";

/**
 * The base address with exactly one trailing slash, from the variable's value (undefined or
 * blank = the development default). Throws a BaseUrlError with a Dutch message otherwise.
 */
function baseUrlFrom(value) {
  const raw = (value ?? "").trim();
  if (raw === "") return DEV_BASE;
  const hint = "Voorbeeld: IKK_BASE_URL=https://ikk.example.org/app npm run build";
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new BaseUrlError(`IKK_BASE_URL is geen geldig webadres: "${raw}". ${hint}`);
  }
  if (url.protocol !== "https:") {
    throw new BaseUrlError(
      `IKK_BASE_URL moet met https:// beginnen (Excel laadt invoegtoepassingen alleen via https), niet "${raw}". ${hint}`,
    );
  }
  if (url.username || url.password || url.search || url.hash || !url.hostname) {
    throw new BaseUrlError(
      `IKK_BASE_URL mag alleen een https-adres met een pad zijn, zonder gebruikersnaam, wachtwoord, ?-parameters of #: "${raw}". ${hint}`,
    );
  }
  return url.origin + url.pathname.replace(/\/+$/, "") + "/";
}

/**
 * manifest.xml with every development URL under `base` (a result of baseUrlFrom). The
 * comments of the source (which explain the development address) are replaced by one line
 * that says where the file was built for.
 */
function manifestFor(xml, base) {
  const origin = new URL(base).origin;
  let out = xml.replace(/<!--[\s\S]*?-->\s*/g, "");
  out = out.split(DEV_BASE).join(base).split(DEV_ORIGIN).join(origin);
  out = out.replace(/^(<\?xml[^>]*\?>\s*)/, `$1<!-- Built from manifest.xml for ${base} (IKK_BASE_URL). -->\n`);
  if (base !== DEV_BASE && /localhost/i.test(out)) {
    throw new BaseUrlError(`manifest.xml bevat na het vervangen nog "localhost": pas manifest.xml aan.`);
  }
  return out;
}

module.exports = { DEV_BASE, BaseUrlError, baseUrlFrom, manifestFor };
