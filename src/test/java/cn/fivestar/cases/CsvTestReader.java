package cn.fivestar.cases;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.List;

/** Reads CSV back for tests with Jackson's CSV reader: every record as its list of fields, header included. */
public final class CsvTestReader {
  private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

  private CsvTestReader() {}

  public static List<List<String>> rows(String csv) throws IOException {
    try (MappingIterator<List<String>> it = MAPPER.readerForListOf(String.class).with(CsvSchema.emptySchema())
        .readValues(csv)) {
      return it.readAll();
    }
  }
}
