import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { Hono } from "hono";
import { handle } from "hono/aws-lambda";

/**
 * The bench's baseline Lambda: the least an HTTP function on this stack can be (a Hono app and a
 * document client made at module scope, one GET route). Tandem's bundles are compared with it.
 */
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const app = new Hono();

app.get("/item/:id", async (c) => {
  const out = await doc.send(
    new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: c.req.param("id"), sk: "ITEM" } }),
  );
  return out.Item ? c.json(out.Item) : c.json({ error: "not_found" }, 404);
});

export const handler = handle(app);
