import { getTranslations } from "next-intl/server";
import type { OperationView } from "@/lib/api/openapi-view";
import styles from "./api-docs.module.css";
import { TableRegion } from "@/components/ui/table-region";

/** One endpoint of the API guide: signature, parameters, responses and a curl example. */
export async function ApiOperation({ operation, origin }: { operation: OperationView; origin: string }) {
  const t = await getTranslations("DevelopersApi");
  const exampleId = `${operation.id}-example`;
  const parametersId = `${operation.id}-parameters`;
  return (
    <article className={styles.operation} aria-labelledby={operation.id}>
      <h4 id={operation.id}>{operation.summary}</h4>
      <p className={styles.signature}>
        <span className={styles.method}>{operation.method}</span>
        <code>{operation.path}</code>
      </p>
      <p>{operation.description}</p>

      <h5>{t("parameters")}</h5>
      {operation.parameters.length === 0 ? (
        <p className="hint">{t("noParameters")}</p>
      ) : (
        <TableRegion labelledBy={parametersId}>
          <table>
            <caption id={parametersId} className="visually-hidden">
              {t("parametersCaption", { operation: operation.summary })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("in")}</th>
                <th scope="col">{t("type")}</th>
                <th scope="col">{t("description")}</th>
              </tr>
            </thead>
            <tbody>
              {operation.parameters.map((parameter) => (
                <tr key={`${parameter.in}-${parameter.name}`}>
                  <th scope="row">
                    <code>{parameter.name}</code>
                  </th>
                  <td>
                    {parameter.in}, {parameter.required ? t("required") : t("optional")}
                  </td>
                  <td>
                    <code>{parameter.type}</code>
                  </td>
                  <td>{parameter.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}

      <h5>{t("responses")}</h5>
      <ul className={styles.responses}>
        {operation.responses.map((response) => (
          <li key={response.status}>
            <span className={styles.status}>{response.status}</span> {response.description}
            {response.schema && <> ({t("returns", { schema: response.schema })})</>}
          </li>
        ))}
      </ul>

      <h5 id={exampleId}>{t("example")}</h5>
      {/* Scrollable region: focusable so keyboard users can scroll it. */}
      <pre className={styles.example} tabIndex={0} aria-labelledby={exampleId}>
        <code>{`curl -i '${origin}${operation.example}'`}</code>
      </pre>
    </article>
  );
}
