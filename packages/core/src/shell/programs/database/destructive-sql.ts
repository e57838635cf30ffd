/**
 * SQL that loses data or access for good: dropping or emptying databases, schemas and tables,
 * deleting or updating every row (no WHERE), dropping users and revoking everything. Comments and
 * string literals are removed first so `-- drop table` or `'DROP'` in data do not count.
 */
const DESTRUCTIVE =
  /^\s*(drop\s+(database|schema|table|view|materialized\s+view|user|role|owned|keyspace|collection|index|function|procedure|trigger|sequence|type|extension|tablespace)\b|truncate\b|delete\s+from\b|update\s+\S+\s+set\b|alter\s+table\s+\S+\s+drop\b|revoke\s+all\b)|\bflush(all|db)\b|\bdropDatabase\s*\(|\.drop\s*\(|\.(deleteMany|remove)\s*\(\s*\{\s*\}\s*\)/i;

export function isDestructiveSql(text: string): boolean {
  const stripped = text
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''");
  for (const statement of stripped.split(';')) {
    const trimmed = statement.trim();
    if (trimmed === '') continue;
    if (DESTRUCTIVE.test(trimmed)) {
      // An UPDATE or DELETE with a WHERE clause touches chosen rows: everyday work.
      // A WHERE that holds for every row (`WHERE true`, `WHERE 1=1`, BigQuery's required idiom)
      // chooses nothing.
      if (
        /^\s*(update|delete)\b/i.test(trimmed) &&
        /\bwhere\b/i.test(trimmed) &&
        !/\bwhere\s+(true|1\s*=\s*1|(\d+)\s*=\s*\2|''\s*=\s*''|not\s+false)\s*$/i.test(trimmed)
      )
        continue;
      return true;
    }
  }
  return false;
}
