package org.jpledger.support.openapi;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * OpenAPI schemas of the framework-free api-contracts records the filter defines itself, read from the records'
 * components so that the document follows the record: text, whole numbers, and lists of other named records.
 */
final class RecordSchemas {

    private RecordSchemas() {
    }

    static Schema of(Class<? extends Record> type) {
        Schema schema = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT));
        for (RecordComponent component : type.getRecordComponents()) {
            schema.addProperty(component.getName(), of(component.getGenericType()));
        }
        return schema;
    }

    private static Schema of(Type type) {
        if (type == String.class) {
            return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
        }
        if (type == int.class || type == Integer.class) {
            return OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32");
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class
                && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
            return OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                    .items(OASFactory.createSchema().ref("#/components/schemas/" + element.getSimpleName()));
        }
        throw new IllegalArgumentException("no schema for record component type " + type);
    }
}
