package app.kindred.programme.internal;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A short list of names (such as campuses) in one text column, a name a line. */
@Converter
public class LinesConverter implements AttributeConverter<List<String>, String> {

	@Override
	public String convertToDatabaseColumn(List<String> lines) {
		return lines == null || lines.isEmpty() ? null : String.join("\n", lines);
	}

	@Override
	public List<String> convertToEntityAttribute(String column) {
		return column == null || column.isBlank() ? List.of()
				: Arrays.stream(column.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

}
