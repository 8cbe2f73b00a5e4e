package org.segplan.contract;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.segplan.contract.TableContract.nullable;
import static org.segplan.contract.TableContract.required;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * Output contract: customers per (from_segment_id, to_segment_id) between the previous run date and this one
 * (from null: new customer; to null: no longer segmented), with previous_run_date.
 */
public final class SegmentMigrationsTable {
    public static final String NAME = "segment_migrations";
    public static final String FROM_SEGMENT_ID = "from_segment_id";
    public static final String TO_SEGMENT_ID = "to_segment_id";
    public static final String CUSTOMERS = Columns.CUSTOMERS;
    public static final String PREVIOUS_RUN_DATE = "previous_run_date";

    public static final TableContract CONTRACT = new TableContract(NAME, List.of(
            nullable(FROM_SEGMENT_ID, IntegerType, "Segment on the previous run date; null: a new customer"),
            nullable(TO_SEGMENT_ID, IntegerType, "Segment on this run date; null: no longer segmented"),
            required(CUSTOMERS, "Customers who moved from the one to the other"),
            required(PREVIOUS_RUN_DATE, DateType, "The run date compared with")));

    public static final StructType SCHEMA = CONTRACT.schema();

    private SegmentMigrationsTable() {
    }
}
