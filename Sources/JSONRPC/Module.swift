/// The JSONRPC module.
enum JSONRPCModule {}
