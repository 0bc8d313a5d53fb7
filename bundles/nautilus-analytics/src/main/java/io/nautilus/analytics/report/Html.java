package io.nautilus.analytics.report;

/** Escaping of untrusted text for HTML text, attribute values and inline JSON. */
final class Html {

    private Html() {
    }

    /**
     * Appends {@code text} escaped for an HTML text node or a double- or single-quoted attribute value.
     *
     * @param sb   the target
     * @param text the text, {@code null} writes nothing
     * @return {@code sb}
     */
    static StringBuilder text(StringBuilder sb, String text) {
        if (text == null) {
            return sb;
        }
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb;
    }

    /** {@code text} escaped as by {@link #text(StringBuilder, String)}. */
    static String text(String text) {
        return text(new StringBuilder(), text).toString();
    }

    /**
     * Appends {@code text} as a JSON string literal that is also safe inside an HTML {@code <script>} element:
     * {@code <}, {@code >} and {@code &} are written as {@code \}{@code u} escapes, so no {@code </script>} or
     * {@code <!--} can end the element.
     *
     * @param sb   the target
     * @param text the text, {@code null} writes {@code null}
     * @return {@code sb}
     */
    static StringBuilder jsonString(StringBuilder sb, String text) {
        if (text == null) {
            return sb.append("null");
        }
        sb.append('"');
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }

    /**
     * Appends a JSON number, or {@code null} for NaN and infinities (JSON has neither).
     *
     * @param sb    the target
     * @param value the value
     * @return {@code sb}
     */
    static StringBuilder jsonNumber(StringBuilder sb, double value) {
        if (!Double.isFinite(value)) {
            return sb.append("null");
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return sb.append((long) value);
        }
        return sb.append(value);
    }

    /**
     * Appends a JSON array of numbers ({@code null} for non-finite values), or {@code null} for a {@code null} array.
     *
     * @param sb     the target
     * @param values the values
     * @return {@code sb}
     */
    static StringBuilder jsonArray(StringBuilder sb, double[] values) {
        if (values == null) {
            return sb.append("null");
        }
        sb.append('[');
        for (int k = 0; k < values.length; k++) {
            if (k > 0) {
                sb.append(',');
            }
            jsonNumber(sb, values[k]);
        }
        return sb.append(']');
    }
}
