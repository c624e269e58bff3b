// The choice of two versions and a view, as a GET form: works without JavaScript, and the address of a
// comparison can be shared.
import { getTranslations } from "next-intl/server";
import styles from "./version-diff.module.css";

type Props = {
  action: string;
  versions: { number: number; label: string }[];
  from: number | null;
  to: number | null;
  view: "inline" | "side";
};

export async function CompareForm({ action, versions, from, to, view }: Props) {
  const t = await getTranslations("PublicVersions");
  const select = (name: "from" | "to", label: string, value: number | null) => (
    <div className="field">
      <label htmlFor={`compare-${name}`}>{label}</label>
      <select id={`compare-${name}`} name={name} defaultValue={value ? String(value) : undefined}>
        {versions.map((v) => (
          <option key={v.number} value={v.number}>
            {v.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" action={action} className={styles.form}>
      {select("from", t("from"), from)}
      {select("to", t("to"), to)}
      <fieldset>
        <legend>{t("view")}</legend>
        <input type="radio" id="view-inline" name="view" value="inline" defaultChecked={view === "inline"} />{" "}
        <label htmlFor="view-inline">{t("inline")}</label>{" "}
        <input type="radio" id="view-side" name="view" value="side" defaultChecked={view === "side"} />{" "}
        <label htmlFor="view-side">{t("side")}</label>
      </fieldset>
      <button type="submit" className="button">
        {t("show")}
      </button>
    </form>
  );
}

/** ?from=1&to=2&view=side read leniently: a missing or malformed number is null, an unknown view is inline. */
export function readCompareParams(raw: Record<string, string | string[] | undefined>) {
  const one = (key: string) => {
    const value = raw[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const number = (key: string) => {
    const value = one(key);
    return value && /^\d{1,6}$/.test(value) ? Number(value) : null;
  };
  return { from: number("from"), to: number("to"), view: one("view") === "side" ? ("side" as const) : ("inline" as const) };
}
