import { DuckDBInstance, DuckDBTypeId, type DuckDBConnection } from '@duckdb/node-api';
import type { Connector, Row, SqlQuery } from '../../../src/lib/db/connector';
import { createFromCsv } from '../../../src/lib/db/ddl';
import type { TableName } from '../../../src/lib/schema/tables';
import { exactInteger } from '../../../src/lib/db/values';

const INTEGER_TYPES = new Set<DuckDBTypeId>([
	DuckDBTypeId.BIGINT,
	DuckDBTypeId.UBIGINT,
	DuckDBTypeId.HUGEINT,
	DuckDBTypeId.UHUGEINT
]);

/** The Connector over native DuckDB, for unit tests: values normalised as the browser's are. */
export class NodeConnector implements Connector {
	private constructor(private conn: DuckDBConnection) {}

	static async open(): Promise<NodeConnector> {
		// Offline: never try to download an extension (it would hang or fail misleadingly).
		const instance = await DuckDBInstance.create(':memory:', {
			autoinstall_known_extensions: 'false',
			autoload_known_extensions: 'false',
			// Test tables are tiny: one thread avoids scheduling overhead on a busy 2-core machine.
			threads: '1'
		});
		return new NodeConnector(await instance.connect());
	}

	async query<T = Row>(q: SqlQuery | string): Promise<T[]> {
		const { sql, params = [] } = typeof q === 'string' ? { sql: q } : q;
		const reader = await this.conn.runAndReadAll(
			sql,
			params.length ? ([...params] as never) : undefined
		);
		const types = reader.columnTypes();
		const names = reader.columnNames();
		return reader.getRowObjectsJson().map((raw) => {
			const row: Row = {};
			names.forEach((name, i) => {
				const v = raw[name];
				row[name] =
					typeof v === 'string' && INTEGER_TYPES.has(types[i]!.typeId)
						? exactInteger(BigInt(v))
						: v;
			});
			return row as T;
		});
	}

	async exec(sql: string): Promise<void> {
		await this.conn.run(sql);
	}

	async cancel(): Promise<boolean> {
		this.conn.interrupt();
		return true;
	}
}

/** A Node connector with the shipped data/ tables loaded, exactly as the browser loads them. */
export async function shippedConnector(): Promise<NodeConnector> {
	const conn = await NodeConnector.open();
	for (const table of ['incidents', 'places', 'actors', 'targets', 'reports'] as TableName[])
		await conn.exec(createFromCsv(table, `data/${table}.csv`));
	return conn;
}
